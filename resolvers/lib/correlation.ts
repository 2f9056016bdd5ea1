import { util } from '@aws-appsync/utils';

/**
 * The id that follows a request across services, as the API's request log names it (local/observability/
 * trace-header.ts applies the same rule offline): the caller's `x-correlation-id` when usable, else the Root of the
 * `x-amzn-trace-id` header AppSync adds to every request. AppSync gives resolvers no request id (the
 * `x-amzn-requestid` a client gets is nowhere in `ctx`), so the trace id is what can travel; the request log line
 * joins the two.
 */
export const CORRELATION_HEADER = 'x-correlation-id';
export const TRACE_HEADER = 'x-amzn-trace-id';
/** The SQS message attribute that carries it to the order poller (functions/order-poller reads the same name). */
export const CORRELATION_ATTRIBUTE = 'correlationId';

export function traceRootOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const root = header
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('Root='));
  const value = root ? root.slice('Root='.length) : '';
  return util.matches('1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}', value) ? value : undefined;
}

export function correlationIdOf(headers: Record<string, string | undefined>): string | undefined {
  const given = headers[CORRELATION_HEADER];
  if (given !== undefined && util.matches('[A-Za-z0-9_.:-]{1,128}', given)) return given;
  return traceRootOf(headers[TRACE_HEADER]);
}
