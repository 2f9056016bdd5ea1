import type { EvaluationScope } from '../evaluation.js';

/** Headers `copyHeaders` drops (util.http page of the AppSync guide). */
const HOP_BY_HOP_HEADERS = new Set([
  'transfer-encoding',
  'connection',
  'host',
  'expect',
  'keep-alive',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'content-length',
]);

/** Response headers a resolver may not set, beside the hop-by-hop ones (same page). */
const RESERVED_RESPONSE_HEADERS = new Set([
  'access-control-allow-credentials',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'vary',
  'content-type',
]);

const MAX_RESPONSE_HEADER_BYTES = 4096;

/** `util.http`: header copying for HTTP data sources and custom headers on the GraphQL response. */
export function createHttpHelpers(scope: EvaluationScope) {
  // AppSync ignores a refused header and reports a ResponseHeaderError in the operation's errors, without
  // stopping the resolver.
  const refuse = (message: string): void => {
    scope.record.appendedErrors.push({ message, errorType: 'ResponseHeaderError', data: null, errorInfo: null });
  };
  const addResponseHeader = (name: unknown, value: unknown): void => {
    if (typeof name !== 'string' || name.length === 0) return refuse('A response header name must be a non-empty string');
    const lower = name.toLowerCase();
    if (HOP_BY_HOP_HEADERS.has(lower) || RESERVED_RESPONSE_HEADERS.has(lower)) {
      return refuse(`The response header ${name} is restricted`);
    }
    if (lower.startsWith('x-amzn-') || lower.startsWith('x-amz-')) {
      return refuse(`The response header ${name} uses a restricted prefix`);
    }
    if (value === null || value === undefined) return refuse(`The response header ${name} has a null value`);
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    const others = Object.entries(scope.record.responseHeaders).filter(([key]) => key !== name);
    const size = others.reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
    if (size + Buffer.byteLength(name) + Buffer.byteLength(text) > MAX_RESPONSE_HEADER_BYTES) {
      return refuse('Custom response headers exceed 4 KB');
    }
    scope.record.responseHeaders[name] = text;
  };
  return {
    copyHeaders(headers: unknown): Record<string, unknown> {
      const copy: Record<string, unknown> = {};
      if (typeof headers !== 'object' || headers === null) return copy;
      for (const [name, value] of Object.entries(headers)) {
        if (!HOP_BY_HOP_HEADERS.has(name.toLowerCase())) copy[name] = value;
      }
      return copy;
    },
    addResponseHeader,
    addResponseHeaders(headers: unknown): void {
      if (typeof headers !== 'object' || headers === null) return;
      for (const [name, value] of Object.entries(headers)) addResponseHeader(name, value);
    },
  };
}
