import { Agent, request } from 'node:http';

/** One kind of request the load sends over and over: each may differ (fresh ids, a new signature). */
export interface LoadTarget {
  url: string;
  next: () => OutgoingRequest | Promise<OutgoingRequest>;
  /** A 200 answer that still failed (a GraphQL `errors` array): counted as an error. */
  failed?: (body: string) => boolean;
}

export interface OutgoingRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p99: number;
}

/**
 * A closed loop over keep-alive connections: `connections` callers each send one request after another for
 * `durationMs`, as a load generator like autocannon does. Latencies are measured from write to the last byte.
 */
export async function runLoad(target: LoadTarget, connections: number, durationMs: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  try {
    await Promise.all(Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const at = performance.now();
        const ok = await send(agent, target).catch(() => false);
        if (ok) latencies.push(performance.now() - at);
        else errors += 1;
      }
    }));
  } finally {
    agent.destroy();
  }
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? Number.NaN;
  return { requests: latencies.length, errors, throughput: (latencies.length / elapsed) * 1000, p50: quantile(0.5), p99: quantile(0.99) };
}

async function send(agent: Agent, target: LoadTarget): Promise<boolean> {
  const { headers, body } = await target.next();
  return new Promise((resolve, reject) => {
    const req = request(target.url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(res.statusCode === 200 && !(target.failed?.(Buffer.concat(chunks).toString()) ?? false)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One request outside the measurement (seeding), failing loudly. */
export async function sendOnce(target: LoadTarget): Promise<string> {
  const { headers, body } = await target.next();
  const response = await fetch(target.url, { method: 'POST', headers, body });
  const text = await response.text();
  if (response.status !== 200 || target.failed?.(text)) throw new Error(`seeding failed: ${response.status} ${text}`);
  return text;
}
