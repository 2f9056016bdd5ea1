import { randomBytes } from 'node:crypto';

const TRACE_HEADER = 'x-amzn-trace-id';
const CORRELATION_HEADER = 'x-correlation-id';
const ROOT = /(?:^|;)\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/i;
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** An X-Ray trace id: version 1, the epoch seconds in hex, 96 random bits. */
export function newTraceId(now = Date.now()): string {
  return `1-${Math.floor(now / 1000).toString(16).padStart(8, '0')}-${randomBytes(12).toString('hex')}`;
}

/** The `Root` of an `X-Amzn-Trace-Id` header, when it has a valid one. */
export function traceRoot(header: string | undefined): string | undefined {
  return header ? ROOT.exec(header)?.[1] : undefined;
}

/**
 * The headers resolvers see in `ctx.request.headers`: AppSync's front end adds `x-amzn-trace-id` to every request
 * (a client's own header with a valid Root is kept), so resolvers offline find one too.
 */
export function withTraceHeader(headers: Record<string, string>): Record<string, string> {
  if (traceRoot(headers[TRACE_HEADER])) return headers;
  return { ...headers, [TRACE_HEADER]: `Root=${newTraceId()}` };
}

/**
 * The id that follows a request across services: the caller's `x-correlation-id` when it sends a usable one (the
 * order poller passes on the id of the message it handles), else the request's trace id. The resolvers that put
 * it on a message (resolvers/lib/correlation.ts) apply the same rule, so the log line and the message agree.
 */
export function correlationIdOf(headers: Record<string, string>): string | undefined {
  const given = headers[CORRELATION_HEADER];
  if (given !== undefined && CORRELATION_ID.test(given)) return given;
  return traceRoot(headers[TRACE_HEADER]);
}
