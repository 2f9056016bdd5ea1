/** A closed-loop load: `clients` callers each sending one request after another for `durationMs`. */
export interface Measurement {
  name: string;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
}

export async function measure(name: string, clients: number, durationMs: number, call: (i: number) => Promise<unknown>): Promise<Measurement> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const at = performance.now();
        await call(issued++);
        latencies.push(performance.now() - at);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? Number.NaN;
  return { name, requests: latencies.length, throughput: (latencies.length / elapsed) * 1000, p50: quantile(0.5), p99: quantile(0.99) };
}

export function formatRow(m: Measurement): string {
  return `${m.name.padEnd(28)} ${m.throughput.toFixed(0).padStart(7)} req/s   p50 ${m.p50.toFixed(2).padStart(6)} ms   p99 ${m.p99.toFixed(2).padStart(7)} ms   (${m.requests} requests)`;
}
