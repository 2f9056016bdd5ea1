import { type MockInstance, vi } from 'vitest';

type Write = typeof process.stdout.write;

/**
 * What the function writes while a test runs: Powertools' log lines (JSON, stdout and stderr) and its metrics
 * (EMF lines on stdout), read back as objects. `stop` gives the streams back.
 */
export class OutputCapture {
  private readonly text: string[] = [];
  private readonly spies: MockInstance<Write>[];

  constructor() {
    const record = ((chunk: string | Uint8Array) => {
      this.text.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as Write;
    this.spies = [vi.spyOn(process.stdout, 'write').mockImplementation(record), vi.spyOn(process.stderr, 'write').mockImplementation(record)];
  }

  /** Every JSON line written. */
  get lines(): Record<string, unknown>[] {
    return this.text
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The EMF lines: the metrics published. */
  get metrics(): Record<string, unknown>[] {
    return this.lines.filter((line) => '_aws' in line);
  }

  /** The log lines. */
  get logs(): Record<string, unknown>[] {
    return this.lines.filter((line) => 'level' in line);
  }

  get raw(): string {
    return this.text.join('');
  }

  stop(): void {
    for (const spy of this.spies) spy.mockRestore();
  }
}
