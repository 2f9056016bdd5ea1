import type { LocalStack } from '../../local/server/local-stack.js';

export type LogLine = Record<string, unknown> & { logType?: string };

/** The API's log lines as `npm start` prints them: each one must be a JSON object on its own. */
export class LogCapture {
  readonly raw: string[] = [];
  private readonly stop: () => void;

  constructor(stack: LocalStack) {
    this.stop = stack.api.log.subscribe((line) => this.raw.push(line));
  }

  get lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  of(logType: string): LogLine[] {
    return this.lines.filter((line) => line.logType === logType);
  }

  request(requestId: string): LogLine | undefined {
    return this.of('RequestSummary').find((line) => line.requestId === requestId);
  }

  close(): void {
    this.stop();
  }
}

/** POST /graphql with the headers given; the answer with its `x-amzn-requestid`. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ status: number; requestId: string; body: { data?: Record<string, unknown> | null; errors?: { errorType?: string }[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, requestId: response.headers.get('x-amzn-requestid') ?? '', body: (await response.json()) as never };
}
