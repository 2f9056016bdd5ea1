import { DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskHeartbeatCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTaskToken } from '../../local/stepfunctions/task-tokens.js';
import { type SfnServer, startSfnServer, taskToken } from './sfn-fixture.js';

/** Each error of the API as the SDK receives it: the type (`name`), the message and HTTP 400. */
let s: SfnServer;

beforeAll(async () => {
  s = await startSfnServer();
});

afterAll(async () => {
  await s.close();
});

const refused = (type: string, message: string | RegExp) => ({ name: type, message, $metadata: expect.objectContaining({ httpStatusCode: 400 }) as unknown });

describe('the local Step Functions API errors', () => {
  it('answers the same execution for the same name and input, ExecutionAlreadyExists for another input', async () => {
    const input = JSON.stringify({ id: 'x', amount: 1 });
    const first = await s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, name: 'same', input }));
    const again = await s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, name: 'same', input: ' { "amount": 1, "id": "x" }' }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);
    await expect(s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, name: 'same', input: '{"id":"y","amount":1}' }))).rejects.toMatchObject(
      refused('ExecutionAlreadyExists', `Execution Already Exists: '${first.executionArn}'`),
    );
  });

  it('refuses an unknown state machine, a bad name, input that is not JSON', async () => {
    const missing = s.machineArn.replace('approval', 'nope');
    await expect(s.sfn.send(new StartExecutionCommand({ stateMachineArn: missing }))).rejects.toMatchObject(refused('StateMachineDoesNotExist', `State Machine Does Not Exist: '${missing}'`));
    await expect(s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, name: 'a b' }))).rejects.toMatchObject(refused('InvalidName', "Invalid Name: 'a b'"));
    await expect(s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, input: '{nope' }))).rejects.toMatchObject(refused('InvalidExecutionInput', /^Invalid State Machine Execution Input: /));
  });

  it('refuses an unknown execution and an ARN that is not an execution', async () => {
    const missing = `${s.machineArn.replace(':stateMachine:', ':execution:')}:ghost`;
    await expect(s.sfn.send(new DescribeExecutionCommand({ executionArn: missing }))).rejects.toMatchObject(refused('ExecutionDoesNotExist', `Execution Does Not Exist: '${missing}'`));
    await expect(s.sfn.send(new GetExecutionHistoryCommand({ executionArn: s.machineArn }))).rejects.toMatchObject(refused('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${s.machineArn}'`));
  });

  it('answers InvalidToken, TaskDoesNotExist and InvalidOutput as AWS words them', async () => {
    await expect(s.sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))).rejects.toMatchObject(refused('InvalidToken', "Invalid Token: 'Invalid token'"));
    const elsewhere = newTaskToken(`${s.machineArn.replace(':stateMachine:', ':execution:')}:gone`);
    await expect(s.sfn.send(new SendTaskHeartbeatCommand({ taskToken: elsewhere }))).rejects.toMatchObject(refused('TaskDoesNotExist', "Task Does Not Exist: 'Provided task does not exist'"));
    const { executionArn = '' } = await s.sfn.send(new StartExecutionCommand({ stateMachineArn: s.machineArn, name: 'bad-output', input: '{"id":"z","amount":1}' }));
    const token = await taskToken(s.sfn, executionArn);
    await expect(s.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{oops' }))).rejects.toMatchObject(refused('InvalidOutput', /^Invalid Output: /));
    await expect(s.sfn.send(new SendTaskSuccessCommand({ taskToken: newTaskToken(executionArn), output: '{}' }))).rejects.toMatchObject(refused('InvalidToken', "Invalid Token: 'Invalid token'"));
  });

  it('answers an unknown action and a body that is not JSON with the protocol errors', async () => {
    const post = (target: string, body: string) => fetch(`${s.server.stack.url}/stepfunctions`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target }, body });
    const unknown = await post('AWSStepFunctions.CreateActivity', '{}');
    expect([unknown.status, ((await unknown.json()) as { __type: string }).__type]).toEqual([400, 'com.amazonaws.swf.service.v2.model#UnknownOperationException']);
    const broken = await post('AWSStepFunctions.ListStateMachines', '{not json');
    expect([broken.status, ((await broken.json()) as { __type: string }).__type]).toEqual([400, 'com.amazonaws.swf.service.v2.model#SerializationException']);
  });
});
