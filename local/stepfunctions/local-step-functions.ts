import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiWiring, DefinitionValue, DeployedValue } from '../../wiring/types.js';
import type { LocalPrincipal } from '../http/local-credentials.js';
import { functionEnvironment } from '../lambda/function-environment.js';
import { CORS_HEADERS, readBody } from '../server/http-util.js';
import type { LocalDispatch } from '../sqs/in-process-sqs.js';
import { type Clock, systemClock } from './clock.js';
import { loadMachine } from './definitions.js';
import { handleSfnRequest } from './sfn-api.js';
import { StepFunctionsEngine } from './step-functions-engine.js';
import { lambdaTasks } from './lambda-tasks.js';

export interface LocalStepFunctionsOptions {
  rootDir: string;
  dataDir: string;
  wiring: ApiWiring;
  region: string;
  principal: LocalPrincipal;
  /** Deployed values as the local stack knows them (queue URLs, the GraphQL URL once the server listens). */
  resolveValue: (value: DeployedValue) => string;
  /** Every timer of every execution reads it (Wait, TimeoutSeconds, HeartbeatSeconds, retries); tests move it. */
  clock?: Clock;
  /** Added to the environment of the functions tasks invoke. */
  functionEnv?: Record<string, string>;
}

export interface LocalStepFunctions {
  engine: StepFunctionsEngine;
  /** The path of the endpoint on the local server. */
  path: string;
  /** POST handler of the endpoint (the Step Functions JSON API). */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** The endpoint's URL, known once the server listens; `dispatch` answers requests to it in this process. */
  endpoint(): string;
  listening(url: string): void;
  dispatch: LocalDispatch;
  close(): Promise<void>;
}

export const STEP_FUNCTIONS_PATH = '/stepfunctions';

/**
 * The local Step Functions: the declared state machines loaded and checked (a DefinitionError names the file and
 * the problem before anything else starts), their executions run by this engine, and the JSON API served on the
 * local server at `/stepfunctions` and, for the HTTP data sources, in this process. `listening` resumes the
 * executions a previous run left in flight.
 */
export function createLocalStepFunctions(options: LocalStepFunctionsOptions): LocalStepFunctions {
  const functions = options.wiring.lambdaFunctions ?? [];
  const resolve = (value: DefinitionValue): string =>
    typeof value === 'object' && value.ref === 'functionArn' ? `arn:aws:lambda:${options.region}:${options.principal.accountId}:function:${value.function}` : options.resolveValue(value as DeployedValue);
  const machines = (options.wiring.stateMachines ?? []).map((decl) => loadMachine(options.rootDir, decl, resolve));
  const invoke = lambdaTasks({
    rootDir: options.rootDir,
    functions,
    region: options.region,
    environmentOf: (fn) => functionEnvironment(fn, { region: options.region, principal: options.principal, resolveValue: options.resolveValue, ...(options.functionEnv ? { env: options.functionEnv } : {}) }),
  });
  const engine = new StepFunctionsEngine({ dataDir: options.dataDir, region: options.region, accountId: options.principal.accountId, machines, invoke, clock: options.clock ?? systemClock });
  let url: string | undefined;
  const endpoint = (): string => {
    if (!url) throw new Error('The Step Functions endpoint is not known before the server listens');
    return url;
  };
  const dispatch: LocalDispatch = (request) => {
    if (!url || request.method !== 'POST' || request.url.replace(/\/$/, '') !== url) return undefined;
    const answer = handleSfnRequest(engine, request.headers['x-amz-target'], request.body ?? '');
    return Promise.resolve({ ...answer, headers: { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) } });
  };
  return {
    engine,
    path: STEP_FUNCTIONS_PATH,
    async handle(request, response) {
      const target = request.headers['x-amz-target'];
      const answer = handleSfnRequest(engine, Array.isArray(target) ? target[0] : target, await readBody(request));
      response.writeHead(answer.status, { ...CORS_HEADERS, ...answer.headers }).end(answer.body);
    },
    endpoint,
    listening(serverUrl) {
      url = `${serverUrl}${STEP_FUNCTIONS_PATH}`;
      engine.resume();
    },
    dispatch,
    close: () => engine.close(),
  };
}
