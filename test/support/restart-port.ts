import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 10_000;

/**
 * A free port for a server that a test stops and starts again on the same port, chosen below the kernel's
 * ephemeral range. A port from that range (port 0's, or a random one in 40000-60000 as the tests once took) is
 * free for anyone between the stop and the restart: every connect() of the other test files running meanwhile may
 * take it as its local port, and its TIME_WAIT then holds it for a minute, so the restart met EADDRINUSE. The
 * kernel never hands out ports below the range by itself; the probe below leaves only two tests picking the same
 * one in the same instant.
 */
export async function portForRestarts(): Promise<number> {
  const firstEphemeral = ephemeralRangeStart();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (firstEphemeral - LOWEST));
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${firstEphemeral} after 50 tries`);
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low !== undefined && low > LOWEST + 1_000) return low;
  } catch {
    // Not Linux: IANA's dynamic range starts at 49152; most systems use it.
  }
  return 32_768;
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
