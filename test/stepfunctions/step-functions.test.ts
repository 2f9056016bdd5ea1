import { ListStateMachinesCommand, SendTaskFailureCommand, SendTaskHeartbeatCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventOf, history, settled, type SfnServer, startSfnServer, taskToken } from './sfn-fixture.js';

/** The fixture's approval flow (Pass, Choice, Wait, a callback task, Catch) through the real SFN client. */
let s: SfnServer;

beforeAll(async () => {
  s = await startSfnServer();
});

afterAll(async () => {
  await s.close();
});

const start = async (name: string, input: unknown) => (await s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, name, input: JSON.stringify(input) }))).executionArn ?? '';

describe('the local Step Functions', () => {
  it('lists the declared state machine and is named in /health', async () => {
    const listed = await s.sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => [m.name, m.type, m.stateMachineArn])).toEqual([['approval', 'STANDARD', s.machineArn]]);
    const health = (await (await fetch(`${s.server.stack.url}/health`)).json()) as Record<string, string>;
    expect(health.stepfunctions).toBe(`${s.server.stack.url}/stepfunctions`);
  });

  it('runs Pass and Choice, hands the function a token, and ends with what SendTaskSuccess sent', async () => {
    const arn = await start('small-1', { id: 'a1', amount: 20 });
    const token = await taskToken(s.sfn, arn);
    await s.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: 'ann' }) }));
    const done = await settled(s.sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toEqual({ outcome: 'approved', by: 'ann', id: 'a1' });
    const events = await history(s.sfn, arn);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ChoiceStateEntered', 'ChoiceStateExited', 'TaskStateEntered',
      'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
    const submitted = JSON.parse(events.find((e) => e.type === 'TaskSubmitted')?.taskSubmittedEventDetails?.output ?? '{}') as { Payload: unknown };
    expect(submitted.Payload).toMatchObject({ notified: true, got: { request: { id: 'a1', amount: 20, label: 'request a1' } } });
  });

  it('waits 60 virtual seconds on the Wait state, then the kitchen answers through the HTTP data source', async () => {
    const arn = await start('large-1', { id: 'b1', amount: 500 });
    await eventOf(s.sfn, arn, 'WaitStateEntered');
    s.clock.advance(59_000);
    expect((await history(s.sfn, arn)).some((e) => e.type === 'WaitStateExited')).toBe(false);
    s.clock.advance(1_000);
    const token = await taskToken(s.sfn, arn);
    const user = await s.server.token('kitchen');
    const answer = await s.server.graphql('mutation($t: String!, $o: AWSJSON!) { approve(token: $t, output: $o) }', { t: token, o: JSON.stringify({ by: 'graphql' }) }, user);
    expect(JSON.parse(answer.body.data?.approve as string)).toEqual({ statusCode: 200, body: {} });
    expect(JSON.parse((await settled(s.sfn, arn)).output ?? '')).toMatchObject({ outcome: 'approved', by: 'graphql' });
  });

  it('ends the task with the error SendTaskFailure gives, caught by Catch', async () => {
    const arn = await start('refused-1', { id: 'c1', amount: 5 });
    await s.sfn.send(new SendTaskFailureCommand({ taskToken: await taskToken(s.sfn, arn), error: 'Rejected', cause: 'out of stock' }));
    const done = await settled(s.sfn, arn);
    expect(JSON.parse(done.output ?? '')).toEqual({ outcome: 'refused', error: 'Rejected', cause: 'out of stock' });
    expect((await history(s.sfn, arn)).find((e) => e.type === 'TaskFailed')?.taskFailedEventDetails).toMatchObject({ error: 'Rejected', cause: 'out of stock' });
  });

  it("catches the function's own error, named by its errorType", async () => {
    const arn = await start('notify-fails', { id: 'd1', amount: 5, failNotify: 'boom' });
    const output = JSON.parse((await settled(s.sfn, arn)).output ?? '') as { error: string; cause: string };
    expect(output.error).toBe('NotifyFailed');
    expect(JSON.parse(output.cause)).toMatchObject({ errorType: 'NotifyFailed', errorMessage: 'asked to fail: boom' });
  });

  it('keeps a task alive on heartbeats and times it out at TimeoutSeconds (States.Timeout) on the virtual clock', async () => {
    const arn = await start('timeout-1', { id: 'e1', amount: 5 });
    const token = await taskToken(s.sfn, arn);
    for (let i = 0; i < 2; i += 1) {
      s.clock.advance(100_000);
      await s.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    }
    s.clock.advance(100_000);
    const done = await settled(s.sfn, arn);
    expect([done.status, done.error, done.cause]).toEqual(['FAILED', 'Expired', 'nobody approved in time']);
    expect((await history(s.sfn, arn)).find((e) => e.type === 'TaskTimedOut')?.taskTimedOutEventDetails?.error).toBe('States.Timeout');
    const late = s.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut', message: "Task Timed Out: 'Provided task does not exist anymore'", $metadata: { httpStatusCode: 400 } });
  });

  it('times a silent task out at HeartbeatSeconds (States.HeartbeatTimeout, matched by States.Timeout)', async () => {
    const arn = await start('heartbeat-1', { id: 'f1', amount: 5 });
    await taskToken(s.sfn, arn);
    s.clock.advance(120_000);
    expect((await settled(s.sfn, arn)).error).toBe('Expired');
    expect((await history(s.sfn, arn)).find((e) => e.type === 'TaskTimedOut')?.taskTimedOutEventDetails?.error).toBe('States.HeartbeatTimeout');
  });
});
