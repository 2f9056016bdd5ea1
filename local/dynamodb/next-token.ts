import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDbRequestError } from './outcome.js';

/**
 * AppSync encrypts DynamoDB's LastEvaluatedKey so callers cannot read table data from it nor reuse it elsewhere.
 * Locally a signed base64url JSON is enough: the signature catches edited tokens, and the scope (operation, table,
 * index) catches tokens replayed against another query. The secret is fixed so tokens outlive a restart.
 */
const SECRET = 'appsync-local-dynamodb-next-token-v1';

export interface TokenScope {
  operation: 'Query' | 'Scan';
  table: string;
  index: string | undefined;
}

interface TokenPayload {
  o: string;
  t: string;
  i: string | null;
  k: Record<string, AttributeValue>;
}

function sign(body: string): Buffer {
  return createHmac('sha256', SECRET).update(body).digest().subarray(0, 16);
}

/** DynamoDB JSON with binaries as base64, so a key survives JSON round trips. */
function encodeKey(key: Record<string, AttributeValue>): Record<string, AttributeValue> {
  return JSON.parse(JSON.stringify(key, (_name, value: unknown) =>
    value instanceof Uint8Array ? { $b64: Buffer.from(value).toString('base64') } : value)) as Record<string, AttributeValue>;
}

function decodeKey(key: Record<string, AttributeValue>): Record<string, AttributeValue> {
  return JSON.parse(JSON.stringify(key), (_name, value: unknown) => {
    if (typeof value === 'object' && value !== null && typeof (value as { $b64?: unknown }).$b64 === 'string') {
      return Buffer.from((value as { $b64: string }).$b64, 'base64');
    }
    return value;
  }) as Record<string, AttributeValue>;
}

export function encodeNextToken(scope: TokenScope, lastEvaluatedKey: Record<string, AttributeValue>): string {
  const payload: TokenPayload = { o: scope.operation, t: scope.table, i: scope.index ?? null, k: encodeKey(lastEvaluatedKey) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body).toString('base64url')}`;
}

function invalid(reason: string): never {
  throw new DynamoDbRequestError(`Invalid nextToken: ${reason}.`);
}

export function decodeNextToken(scope: TokenScope, token: string): Record<string, AttributeValue> {
  const [body, signature, extra] = token.split('.');
  if (body === undefined || signature === undefined || extra !== undefined || body === '') {
    invalid('the pagination token is malformed');
  }
  const expected = sign(body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    invalid('the pagination token has been tampered with or was not issued by this API');
  }
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  if (payload.o !== scope.operation || payload.t !== scope.table || payload.i !== (scope.index ?? null)) {
    invalid(`the pagination token was issued for a different ${scope.operation} (a token only continues the request that produced it)`);
  }
  return decodeKey(payload.k);
}
