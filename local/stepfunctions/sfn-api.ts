import { randomUUID } from 'node:crypto';
import * as errors from './errors.js';
import { SfnApiError } from './errors.js';
import type { ExecutionRecord, HistoryEvent } from './execution-store.js';
import type { Json } from './json-paths.js';
import type { StepFunctionsEngine } from './step-functions-engine.js';

export interface SfnAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Body = Record<string, unknown>;
type Action = (engine: StepFunctionsEngine, body: Body) => unknown;

/** Dates travel as epoch seconds in the AWS JSON protocol. */
const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);

function required(body: Body, name: string, max = 2048): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0) throw errors.validationError(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  if (value.length > max) throw errors.validationError(`1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  return value;
}

function describe(record: ExecutionRecord): Body {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: seconds(record.startDate),
    stopDate: seconds(record.stopDate),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
    ...(record.error !== undefined ? { error: record.error, cause: record.cause } : {}),
    redriveCount: 0,
  };
}

/** A page of a list: `nextToken` is the index of the next item. */
function page<T>(items: T[], body: Body): { items: T[]; nextToken?: string } {
  const max = typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
  const start = typeof body.nextToken === 'string' ? Number(body.nextToken) : 0;
  if (!Number.isInteger(start) || start < 0) throw new SfnApiError('InvalidToken', `Invalid Token: '${String(body.nextToken)}'`);
  const slice = items.slice(start, start + max);
  return start + max < items.length ? { items: slice, nextToken: String(start + max) } : { items: slice };
}

const ACTIONS: Record<string, Action> = {
  StartExecution(engine, body) {
    const input = body.input === undefined ? '{}' : required(body, 'input', 262_144);
    const record = engine.startExecution(required(body, 'stateMachineArn'), typeof body.name === 'string' ? body.name : randomUUID(), input);
    return { executionArn: record.executionArn, startDate: seconds(record.startDate) };
  },
  DescribeExecution: (engine, body) => describe(engine.execution(required(body, 'executionArn'))),
  GetExecutionHistory(engine, body) {
    const record = engine.execution(required(body, 'executionArn'));
    const events = body.reverseOrder === true ? [...record.events].reverse() : record.events;
    const { items, nextToken } = page(events, body);
    return { events: items.map((event: HistoryEvent) => ({ ...event, timestamp: seconds(event.timestamp) })), ...(nextToken ? { nextToken } : {}) };
  },
  ListExecutions(engine, body) {
    const status = body.statusFilter;
    const all = engine.executions(required(body, 'stateMachineArn'));
    const { items, nextToken } = page(typeof status === 'string' ? all.filter((record) => record.status === status) : all, body);
    const summaries = items.map((record) => ({
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: seconds(record.startDate),
      ...(record.stopDate !== undefined ? { stopDate: seconds(record.stopDate) } : {}),
    }));
    return { executions: summaries, ...(nextToken ? { nextToken } : {}) };
  },
  ListStateMachines(engine, body) {
    const { items, nextToken } = page([...engine.machines.values()], body);
    return { stateMachines: items.map((m) => ({ stateMachineArn: m.arn, name: m.decl.name, type: 'STANDARD', creationDate: seconds(m.creationDate) })), ...(nextToken ? { nextToken } : {}) };
  },
  SendTaskSuccess(engine, body) {
    const token = required(body, 'taskToken');
    const text = required(body, 'output', 262_144);
    let output: Json;
    try {
      output = JSON.parse(text) as Json;
    } catch (error) {
      throw errors.invalidOutput((error as Error).message);
    }
    engine.settleTask(token, { output });
    return {};
  },
  SendTaskFailure(engine, body) {
    const error = typeof body.error === 'string' ? body.error : '';
    const cause = typeof body.cause === 'string' ? body.cause : '';
    engine.settleTask(required(body, 'taskToken'), { error, cause });
    return {};
  },
  SendTaskHeartbeat(engine, body) {
    engine.heartbeat(required(body, 'taskToken'));
    return {};
  },
};

/**
 * The Step Functions JSON API (`X-Amz-Target: AWSStepFunctions.<Action>`, AWS JSON 1.0): the answer AWS gives,
 * its errors as `{ "__type", "message" }` with their status, in the service's error namespace.
 */
export function handleSfnRequest(engine: StepFunctionsEngine, target: string | undefined, text: string): SfnAnswer {
  const requestId = randomUUID();
  const json = (status: number, body: unknown, extra: Record<string, string> = {}): SfnAnswer => ({
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId, ...extra },
    body: JSON.stringify(body),
  });
  try {
    const action = target?.startsWith('AWSStepFunctions.') ? ACTIONS[target.slice('AWSStepFunctions.'.length)] : undefined;
    if (!action) throw errors.unknownOperation(target ?? '(no X-Amz-Target)');
    let body: unknown;
    try {
      body = JSON.parse(text || '{}');
    } catch {
      throw new SfnApiError('SerializationException', 'Start of structure or map found where not expected.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SfnApiError('SerializationException', 'Start of structure or map found where not expected.');
    return json(200, action(engine, body as Body));
  } catch (error) {
    if (!(error instanceof SfnApiError)) throw error;
    return json(error.status, { __type: `com.amazonaws.swf.service.v2.model#${error.type}`, message: error.message }, { 'x-amzn-errortype': error.type });
  }
}
