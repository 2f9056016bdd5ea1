import { ruleMatches, type ChoiceRule } from './choice-rules.js';
import type { StateDefinition } from './definitions.js';
import { StatesError } from './errors.js';
import type { ExecutionRecord, Position, TaskInHand } from './execution-store.js';
import { applyResultPath, applyTemplate, type Json, queryPath, selectPath } from './json-paths.js';
import { resourceNames, runResource, waitsForToken, type FunctionInvoker } from './task-resources.js';
import { newTaskToken } from './task-tokens.js';

/** What a state's step needs of its execution. */
export interface StateContext {
  readonly record: ExecutionRecord;
  readonly now: number;
  readonly deps: { invoke: FunctionInvoker };
  emit(type: string, details?: Record<string, unknown>): void;
  save(): void;
  /** Wakes the step waiting now. */
  poke(): void;
  waitFor<T>(check: () => T | undefined, deadlines: () => (number | undefined)[]): Promise<T>;
}

export interface StepResult {
  output: Json;
  /** Undefined: the execution ends here. */
  next: string | undefined;
}

type Field = Json | undefined;
const str = (value: Field): string | undefined => (typeof value === 'string' ? value : undefined);
const nextOf = (state: StateDefinition): string | undefined => str(state.Next);

/** The context object (`$$`) as AWS builds it for the state in hand. */
export function contextObject(ctx: StateContext, position: Position, token?: string): Json {
  const { record } = ctx;
  return {
    Execution: { Id: record.executionArn, Input: JSON.parse(record.input) as Json, Name: record.name, StartTime: new Date(record.startDate).toISOString() },
    State: { EnteredTime: new Date(position.enteredAt).toISOString(), Name: position.state, RetryCount: position.retries.reduce((a, b) => a + b, 0) },
    StateMachine: { Id: record.stateMachineArn, Name: record.stateMachineArn.split(':').pop() ?? '' },
    ...(token ? { Task: { Token: token } } : {}),
  };
}

/** Runs one state from its raw input; a StatesError is the state's failure (Retry and Catch apply to Task). */
export async function runState(ctx: StateContext, state: StateDefinition, position: Position): Promise<StepResult> {
  const context = contextObject(ctx, position);
  const input = selectPath(state.InputPath as string | null | undefined, position.input, context, 'InputPath');
  const out = (value: Json): Json => selectPath(state.OutputPath as string | null | undefined, value, context, 'OutputPath');
  switch (state.Type) {
    case 'Pass': {
      const effective = state.Parameters !== undefined ? applyTemplate(state.Parameters, { input, context }) : input;
      const result = state.Result !== undefined ? state.Result : effective;
      return { output: out(applyResultPath(state.ResultPath as string | null | undefined, position.input, result)), next: nextOf(state) };
    }
    case 'Choice': {
      const rules = state.Choices as unknown as (ChoiceRule & { Next: string })[];
      const next = rules.find((rule) => ruleMatches(rule, { input, context }))?.Next ?? str(state.Default);
      if (!next) throw new StatesError('States.NoChoiceMatched', `No Choice Rule matched and no Default is specified in the state ${position.state}`);
      return { output: out(input), next };
    }
    case 'Wait': {
      position.waitUntil ??= waitEnd(state, position, { input, context });
      ctx.save();
      const until = position.waitUntil;
      await ctx.waitFor(() => (ctx.now >= until ? true : undefined), () => [until]);
      return { output: out(input), next: nextOf(state) };
    }
    case 'Succeed':
      return { output: out(input), next: undefined };
    case 'Fail': {
      const error = str(state.Error) ?? (state.ErrorPath ? String(queryPath(String(state.ErrorPath), { input, context }, 'ErrorPath')) : 'States.Fail');
      const cause = str(state.Cause) ?? (state.CausePath ? String(queryPath(String(state.CausePath), { input, context }, 'CausePath')) : '');
      throw new StatesError(error, cause);
    }
    case 'Task': {
      const result = await runTask(ctx, state, position, input);
      const selected = state.ResultSelector !== undefined ? applyTemplate(state.ResultSelector, { input: result, context }) : result;
      return { output: out(applyResultPath(state.ResultPath as string | null | undefined, position.input, selected)), next: nextOf(state) };
    }
    default:
      throw new StatesError('States.Runtime', `${state.Type} states are not run offline`);
  }
}

function waitEnd(state: StateDefinition, position: Position, scope: { input: Json; context: Json }): number {
  if (typeof state.Seconds === 'number') return position.enteredAt + state.Seconds * 1000;
  if (typeof state.Timestamp === 'string') return Date.parse(state.Timestamp);
  if (typeof state.SecondsPath === 'string') return position.enteredAt + Number(queryPath(state.SecondsPath, scope, 'SecondsPath')) * 1000;
  return Date.parse(String(queryPath(String(state.TimestampPath), scope, 'TimestampPath')));
}

function seconds(state: StateDefinition, name: 'Timeout' | 'Heartbeat', scope: { input: Json; context: Json }): number | undefined {
  const fixed = state[`${name}Seconds`];
  if (typeof fixed === 'number') return fixed;
  const path = state[`${name}SecondsPath`];
  return typeof path === 'string' ? Number(queryPath(path, scope, `${name}SecondsPath`)) : undefined;
}

/** A Task: its resource called (again, after a restart, when it had not answered), then its token awaited. */
async function runTask(ctx: StateContext, state: StateDefinition, position: Position, input: Json): Promise<Json> {
  const resource = String(state.Resource);
  const names = resourceNames(resource);
  if (!position.task) {
    const token = waitsForToken(resource) ? newTaskToken(ctx.record.executionArn) : undefined;
    const context = contextObject(ctx, position, token);
    const parameters = state.Parameters !== undefined ? applyTemplate(state.Parameters, { input, context }) : input;
    const timeout = seconds(state, 'Timeout', { input, context });
    const heartbeat = seconds(state, 'Heartbeat', { input, context });
    const task: TaskInHand = { parameters, ...(token ? { token } : {}) };
    if (timeout !== undefined) task.timeoutAt = ctx.now + timeout * 1000;
    if (heartbeat !== undefined) Object.assign(task, { heartbeatSeconds: heartbeat, heartbeatAt: ctx.now + heartbeat * 1000 });
    position.task = task;
    if (token) ctx.record.tokens.push(token);
    ctx.emit('TaskScheduled', { ...names, region: ctx.record.executionArn.split(':')[3], parameters: JSON.stringify(parameters), ...(timeout !== undefined ? { timeoutInSeconds: timeout } : {}), ...(heartbeat !== undefined ? { heartbeatInSeconds: heartbeat } : {}) });
    ctx.emit('TaskStarted', names);
    ctx.save();
  }
  const task = position.task;
  const timedOut = (): { error: string; cause: string } | undefined => {
    if (task.timeoutAt !== undefined && ctx.now >= task.timeoutAt) return { error: 'States.Timeout', cause: 'The task did not finish within its TimeoutSeconds' };
    if (task.heartbeatAt !== undefined && ctx.now >= task.heartbeatAt) return { error: 'States.HeartbeatTimeout', cause: 'The task sent no heartbeat within its HeartbeatSeconds' };
    return undefined;
  };
  if (!task.submitted) {
    const called = runResource(resource, task.parameters, ctx.deps.invoke).then(
      (output) => ({ output }),
      (error: unknown) => (error instanceof StatesError ? { error: error.error, cause: error.cause } : { error: 'States.TaskFailed', cause: String(error) }),
    );
    let answer: Awaited<typeof called> | undefined;
    void called.then((a) => {
      answer = a;
      ctx.poke();
    });
    const first = await ctx.waitFor(() => answer ?? timedOut(), () => [task.timeoutAt, task.heartbeatAt]);
    if (task.token && 'output' in first) {
      task.submitted = true;
      ctx.emit('TaskSubmitted', { ...names, ...data(first.output) });
      ctx.save();
    } else {
      task.outcome = first;
    }
  }
  const outcome = task.outcome ?? (await ctx.waitFor(() => task.outcome ?? timedOut(), () => [task.timeoutAt, task.heartbeatAt]));
  delete position.task;
  if ('output' in outcome) {
    ctx.emit('TaskSucceeded', { ...names, ...data(outcome.output) });
    return outcome.output;
  }
  ctx.emit(outcome.error.startsWith('States.') && outcome.error.includes('Timeout') ? 'TaskTimedOut' : 'TaskFailed', { ...names, error: outcome.error, cause: outcome.cause });
  throw new StatesError(outcome.error, outcome.cause);
}

const data = (output: Json): Record<string, unknown> => ({ output: JSON.stringify(output), outputDetails: { truncated: false } });
