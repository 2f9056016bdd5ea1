import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { eventOf, settled, type SfnServer, startSfnServer, taskToken } from './sfn-fixture.js';

/** Executions in flight when the server stops carry on when it starts again on the same data dir. */
const dataDirs: string[] = [];
const clock = new ManualClock();
const servers: SfnServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.close({ keepDataDir: true });
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** Each test has a data dir of its own, which its servers (one at a time) share. */
const newDataDir = (): string => {
  dataDirs.push(mkdtempSync(join(tmpdir(), 'sfn-restart-')));
  return dataDirs.at(-1) ?? '';
};

const startOn = async (dataDir: string): Promise<SfnServer> => {
  const s = await startSfnServer(dataDir, clock);
  servers.push(s);
  return s;
};

const stop = async (s: SfnServer): Promise<void> => {
  servers.splice(servers.indexOf(s), 1);
  await s.close({ keepDataDir: true });
};

describe('the local Step Functions across a restart', () => {
  it('resumes a callback task (its token still answers) and a Wait (its deadline kept)', async () => {
    const dataDir = newDataDir();
    const before = await startOn(dataDir);
    const start = async (name: string, amount: number) =>
      (await before.sfn.send(new StartExecutionCommand({ stateMachineArn: before.machineArn, name, input: JSON.stringify({ id: name, amount }) }))).executionArn ?? '';
    const waiting = await start('waiting-task', 1);
    const token = await taskToken(before.sfn, waiting);
    const sleeping = await start('sleeping', 1000);
    await eventOf(before.sfn, sleeping, 'WaitStateEntered');
    await stop(before);

    const after = await startOn(dataDir);
    await after.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: 'after restart' }) }));
    expect(JSON.parse((await settled(after.sfn, waiting)).output ?? '')).toMatchObject({ outcome: 'approved', by: 'after restart' });
    // 60 s after the Wait was entered, counted on the same clock: the time the server was down counts too.
    clock.advance(60_000);
    const sleepToken = await taskToken(after.sfn, sleeping);
    await after.sfn.send(new SendTaskSuccessCommand({ taskToken: sleepToken, output: JSON.stringify({ by: 'later' }) }));
    expect((await settled(after.sfn, sleeping)).status).toBe('SUCCEEDED');
    await stop(after);
  });

  it('times out at restart a task whose deadline passed while the server was down', async () => {
    const dataDir = newDataDir();
    const before = await startOn(dataDir);
    const { executionArn = '' } = await before.sfn.send(new StartExecutionCommand({ stateMachineArn: before.machineArn, name: 'expired-while-down', input: '{"id":"e","amount":1}' }));
    await taskToken(before.sfn, executionArn);
    await stop(before);
    clock.advance(10 * 60_000);
    const after = await startOn(dataDir);
    const done = await settled(after.sfn, executionArn);
    expect([done.status, done.error]).toEqual(['FAILED', 'Expired']);
  });
});
