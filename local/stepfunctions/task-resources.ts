import { randomUUID } from 'node:crypto';
import { StatesError } from './errors.js';
import type { Json } from './json-paths.js';

const INVOKE = 'arn:aws:states:::lambda:invoke';
const WAIT_FOR_TOKEN = '.waitForTaskToken';
const FUNCTION_ARN = /^arn:aws:lambda:[^:]+:\d{12}:function:[A-Za-z0-9_-]+(:[^:]+)?$/;

/** Calls a declared function with a payload and returns what it returned; its own failure is a StatesError. */
export type FunctionInvoker = (nameOrArn: string, payload: Json) => Promise<Json>;

/** The Task resources run offline: Lambda's optimised integration (with or without a token) and a function's ARN. */
export function isSupportedResource(resource: string): boolean {
  return resource === INVOKE || resource === `${INVOKE}${WAIT_FOR_TOKEN}` || FUNCTION_ARN.test(resource);
}

export function waitsForToken(resource: string): boolean {
  return resource.endsWith(WAIT_FOR_TOKEN);
}

/** resourceType and resource as the history's Task events name them (`lambda`, `invoke.waitForTaskToken`). */
export function resourceNames(resource: string): { resourceType: string; resource: string } {
  if (FUNCTION_ARN.test(resource)) return { resourceType: 'lambda', resource };
  const [, service = '', action = ''] = /^arn:aws:states:::([^:]+):(.+)$/.exec(resource) ?? [];
  return { resourceType: service, resource: action };
}

/**
 * Runs the task's resource with its effective parameters. `lambda:invoke` answers as the integration does (the
 * function's result in `Payload`, beside the status and metadata); a function's ARN answers its result itself.
 */
export async function runResource(resource: string, parameters: Json, invoke: FunctionInvoker): Promise<Json> {
  if (FUNCTION_ARN.test(resource)) return invoke(resource, parameters);
  const params = (parameters ?? {}) as Record<string, Json>;
  const name = params.FunctionName;
  if (typeof name !== 'string') throw new StatesError('States.Runtime', `The field 'FunctionName' is required by ${resource}`);
  const payload = params.Payload === undefined ? {} : params.Payload;
  const result = await invoke(name, payload);
  const requestId = randomUUID();
  return {
    ExecutedVersion: '$LATEST',
    Payload: result,
    SdkHttpMetadata: { HttpHeaders: { 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': '$LATEST' }, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}
