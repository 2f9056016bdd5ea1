import { type ChildProcess, spawn } from 'node:child_process';
import { type LoadTarget, runLoad } from './load.js';
import { cpuPerRequest, cpuSnapshot } from './process-cpu.js';

/**
 * `npx tsx bench/run.ts floor`: the least a request can cost on this machine, whatever the design, to weigh the
 * request/response targets against. (1) A node:http server in its own process that parses a GraphQL-sized JSON
 * body and answers a small JSON document, under the same load generator as the request/response bench: the CPU of
 * the HTTP exchange alone. (2) One round trip to a child process over Node's IPC channel (JSON serialisation, as the
 * evaluators use), eight callers at once: the CPU the evaluator process boundary adds per round trip, both sides.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const HTTP_SERVER = `
  const server = require('node:http').createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const out = JSON.stringify({ data: { getOrder: { id: body.variables.id, userId: 'u', name: 'n', quantity: 1, status: 'PENDING' } } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
`;
const ECHO = `process.on('message', (m) => process.send({ id: m.id, result: m.context }));`;

function child(code: string): ChildProcess {
  return spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
}

export async function runFloor(): Promise<void> {
  process.stdout.write(`floor: the least a request costs here, ${SECONDS} s each, Node ${process.version}\n\n`);
  const http = child(HTTP_SERVER);
  const port = await new Promise<number>((resolve) => http.once('message', (m: { port: number }) => resolve(m.port)));
  const token = `eyJ${'x'.repeat(900)}`;
  const target: LoadTarget = {
    url: `http://127.0.0.1:${port}/graphql`,
    next: () => ({ headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query: 'query($id: ID!) { getOrder(id: $id) { id userId name quantity status } }', variables: { id: '01J8ZK3Q9X' } }) }),
  };
  await runLoad(target, 8, 2000);
  const before = cpuSnapshot(http.pid ?? 0);
  const load = await runLoad(target, 8, SECONDS * 1000);
  const cpu = cpuPerRequest(before, cpuSnapshot(http.pid ?? 0), load.requests);
  http.kill();
  process.stdout.write(`HTTP exchange alone: ${load.throughput.toFixed(0)} req/s, CPU per request: server ${cpu?.server.toFixed(0) ?? 'n/a'} µs, load generator ${cpu?.loadGenerator.toFixed(0) ?? 'n/a'} µs\n`);

  const echo = child(ECHO);
  const waiting = new Map<number, () => void>();
  echo.on('message', (m: { id: number }) => {
    waiting.get(m.id)?.();
    waiting.delete(m.id);
  });
  let next = 0;
  const context = JSON.stringify({ identity: { sub: 'abc-123', claims: { token_use: 'access' } }, request: { headers: { authorization: token } }, arguments: { id: '01J8ZK3Q9X' } });
  const call = (): Promise<void> => new Promise((resolve) => {
    const id = next++;
    waiting.set(id, resolve);
    echo.send({ id, context });
  });
  const roundTrips = async (ms: number): Promise<number> => {
    const deadline = performance.now() + ms;
    let count = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (performance.now() < deadline) {
        await call();
        count += 1;
      }
    }));
    return count;
  };
  await roundTrips(1000);
  const beforeIpc = cpuSnapshot(process.pid);
  const count = await roundTrips(SECONDS * 1000);
  const ipc = cpuPerRequest(beforeIpc, cpuSnapshot(process.pid), count);
  echo.kill();
  process.stdout.write(`round trip to a child process (IPC, JSON): CPU ${ipc ? `${ipc.server.toFixed(0)} µs here + ${ipc.evaluators.toFixed(0)} µs in the child` : 'n/a'}\n`);
}
