import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { stopChild } from './stop-child.js';

/** A server stopping flushes its stores before it exits: it gets longer than the bench's other children. */
const SERVER_GRACE_MS = 20_000;

/** What `npm start` reports on GET /health. */
export interface Health {
  graphql: string;
  realtime: string;
  [name: string]: unknown;
}

export interface ServerProcess {
  url: string;
  health: Health;
  pid: number;
  stop(): Promise<void>;
}

export class ServerStartError extends Error {
  override readonly name = 'ServerStartError';
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 180_000;

/**
 * The server as `npm start` runs it (`node --import tsx app/start.ts`), in its own process on a free port and the
 * given DATA_DIR, so that the load generator does not share its CPU time. Resolves once /health answers.
 */
/** `stdoutFile`: where the server's stdout (its request, poller and metric lines) goes; discarded without one. */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}, stdoutFile?: string): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_PROFILE_DIR=dir: the server writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  // BENCH_NODE_ARGS='--trace-gc ...': more node options for the server alone (NODE_OPTIONS refuses some, and reaches
  // the load generator too).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...profile, ...nodeArgs, '--import', 'tsx', 'app/start.ts'], {
    cwd: ROOT,
    // Field-level entries (FIELD_LOG_LEVEL=ALL, npm start's default, as the dev stage deploys) serialize every
    // resolver's evaluated context: a debugging aid that the figures leave out unless FIELD_LOG_LEVEL is given.
    env: { FIELD_LOG_LEVEL: 'NONE', ...process.env, ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w'), 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new ServerStartError(`the server exited with ${child.exitCode}:\n${stderr}`);
    const health = await fetch(`${url}/health`).then((r) => (r.ok ? (r.json() as Promise<Health>) : undefined), () => undefined);
    if (health) return { url, health, pid: child.pid ?? 0, stop: () => stopChild(child, SERVER_GRACE_MS) };
    if (Date.now() > deadline) {
      await stopChild(child, SERVER_GRACE_MS);
      throw new ServerStartError(`the server did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
