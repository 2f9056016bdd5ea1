import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, GetExecutionHistoryCommand, type HistoryEvent, SFNClient } from '@aws-sdk/client-sfn';
import { expect } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { stepApi } from '../fixtures/step-api/wiring.js';

export const STEP_API_ROOT = fileURLToPath(new URL('../fixtures/step-api/', import.meta.url));

export interface SfnServer {
  server: TestServer;
  sfn: SFNClient;
  clock: ManualClock;
  machineArn: string;
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

/** The fixture API on port 0 with a moved-by-hand clock, and the real SFN client pointed at its /stepfunctions. */
export async function startSfnServer(dataDir = mkdtempSync(join(tmpdir(), 'sfn-local-')), clock = new ManualClock()): Promise<SfnServer> {
  const server = await startTestServer(STEP_API_ROOT, stepApi, dataDir, { stepFunctionsClock: clock, onCodeDelivery: false });
  const sfn = localSfnClient(server);
  return {
    server,
    sfn,
    clock,
    machineArn: `arn:aws:states:${server.stack.pool.region}:000000000000:stateMachine:approval`,
    async close(options) {
      sfn.destroy();
      await server.close(options);
    },
  };
}

/** The real SFN client pointed at a local stack's /stepfunctions. */
export function localSfnClient(server: TestServer): SFNClient {
  return new SFNClient({ endpoint: server.stack.endpoints.stepfunctions, region: server.stack.pool.region, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' } });
}

export async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
}

/** Waits (polling, no fixed sleep) until the execution's history has an event of `type`, and returns it. */
export async function eventOf(sfn: SFNClient, executionArn: string, type: string): Promise<HistoryEvent> {
  await expect.poll(async () => (await history(sfn, executionArn)).some((e) => e.type === type), { timeout: 5000, interval: 10 }).toBe(true);
  return (await history(sfn, executionArn)).find((e) => e.type === type) as HistoryEvent;
}

/** The task token the callback task handed its function, read from the TaskScheduled event's parameters. */
export async function taskToken(sfn: SFNClient, executionArn: string): Promise<string> {
  await eventOf(sfn, executionArn, 'TaskSubmitted');
  const scheduled = (await history(sfn, executionArn)).filter((e) => e.type === 'TaskScheduled').at(-1);
  return (JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}') as { Payload: { token: string } }).Payload.token;
}

export async function settled(sfn: SFNClient, executionArn: string): Promise<DescribeExecutionCommandOutput> {
  await expect.poll(async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, { timeout: 5000, interval: 10 }).not.toBe('RUNNING');
  return sfn.send(new DescribeExecutionCommand({ executionArn }));
}
