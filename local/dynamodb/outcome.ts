/**
 * What the DynamoDB data source hands back to the engine: `result` becomes the response handler's `ctx.result`,
 * `error` its `ctx.error`. AppSync may set both at once (a rejected condition carries the current item in
 * `ctx.result`; a cancelled transaction carries its `cancellationReasons`).
 */
export interface DataSourceOutcome {
  result?: unknown;
  error?: { message: string; type: string; data?: unknown };
}

/**
 * The request object is malformed (missing or mistyped field, unknown operation, bad typed value, bad nextToken).
 * AppSync reports these before calling DynamoDB, under the `MappingTemplate` error type.
 */
export class DynamoDbRequestError extends Error {
  override readonly name = 'DynamoDbRequestError';
  readonly type = 'MappingTemplate';
}

interface ServiceErrorLike {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

function isServiceError(error: unknown): error is ServiceErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { name?: unknown }).name === 'string' &&
    typeof (error as { $metadata?: unknown }).$metadata === 'object'
  );
}

/**
 * AppSync calls DynamoDB through the AWS SDK for Java v2: exceptions the SDK models keep their own name
 * (`DynamoDB:ConditionalCheckFailedException`), the others — ValidationException above all — surface as the generic
 * `DynamoDB:DynamoDbException`, and the message carries the SDK's "(Service: …)" suffix.
 */
const MODELED_EXCEPTIONS = new Set([
  'ConditionalCheckFailedException',
  'ResourceNotFoundException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ItemCollectionSizeLimitExceededException',
  'TransactionCanceledException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'IdempotentParameterMismatchException',
  'InternalServerError',
]);

export function serviceErrorOutcome(
  code: string,
  message: string,
  statusCode = 400,
  requestId = 'LOCAL',
): { message: string; type: string } {
  const type = MODELED_EXCEPTIONS.has(code) ? `DynamoDB:${code}` : 'DynamoDB:DynamoDbException';
  return { type, message: `${message} (Service: DynamoDb, Status Code: ${statusCode}, Request ID: ${requestId})` };
}

/** Turns anything thrown while serving a request into AppSync's error shape; rethrows programming errors. */
export function errorOutcome(error: unknown): DataSourceOutcome {
  if (error instanceof DynamoDbRequestError) return { error: { message: error.message, type: error.type } };
  if (isServiceError(error)) {
    const { httpStatusCode, requestId } = error.$metadata ?? {};
    return { error: serviceErrorOutcome(error.name, error.message, httpStatusCode ?? 400, requestId ?? 'LOCAL') };
  }
  if (error instanceof Error && 'code' in error && (error as { code?: unknown }).code === 'ECONNREFUSED') {
    return { error: { type: 'DynamoDB:DynamoDbException', message: `The local DynamoDB is not reachable: ${error.message}` } };
  }
  throw error;
}
