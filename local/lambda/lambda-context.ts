import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { LambdaFunctionDecl } from '../../wiring/types.js';
import { LOCAL_ACCOUNT_ID } from '../http/local-credentials.js';

/** The invocation context the Node.js runtime passes a handler, for one invocation that must end by `deadline`. */
export function lambdaContext(fn: Pick<LambdaFunctionDecl, 'name' | 'memorySize'>, region: string, deadline: number): Context {
  const requestId = randomUUID();
  const unsupported = (): never => {
    throw new Error('done/fail/succeed are not supported: return (or reject) a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${fn.name}`,
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
