import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTables, startDynalite } from '../../local/dynamodb/dynalite-server.js';
import { PREFIX, startFixture, TABLES } from './fixture.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('dynalite server', () => {
  it('listens on 127.0.0.1 with an OS-chosen port', async () => {
    const server = await startDynalite();
    try {
      expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('creates declared tables on demand with their GSIs (ALL projection), and is idempotent', async () => {
    const server = await startDynalite();
    try {
      await ensureTables(server.client, PREFIX, TABLES);
      await ensureTables(server.client, PREFIX, TABLES);
      const { Table } = await server.client.send(new DescribeTableCommand({ TableName: `${PREFIX}events` }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
      const index = Table?.GlobalSecondaryIndexes?.[0];
      expect(index?.IndexName).toBe('byStatus');
      expect(index?.Projection?.ProjectionType).toBe('ALL');
      expect(Table?.AttributeDefinitions?.map((d) => `${String(d.AttributeName)}:${String(d.AttributeType)}`).sort()).toEqual(['pk:S', 'sk:N', 'status:S']);
    } finally {
      await server.close();
    }
  });

  it('keeps data in the given directory across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dynalite-'));
    dirs.push(dir);
    const first = await startFixture(join(dir, 'db'));
    await first.run('items', { operation: 'PutItem', key: { id: { S: 'kept' } }, attributeValues: { n: { N: 42 } } });
    await first.server.close();
    const second = await startFixture(join(dir, 'db'));
    try {
      expect(await second.run('items', { operation: 'GetItem', key: { id: { S: 'kept' } } })).toEqual({ result: { id: 'kept', n: 42 } });
    } finally {
      await second.server.close();
    }
  });

  it('in-memory servers start empty', async () => {
    const first = await startFixture();
    await first.run('items', { operation: 'PutItem', key: { id: { S: 'gone' } } });
    await first.server.close();
    const second = await startFixture();
    try {
      expect(await second.run('items', { operation: 'GetItem', key: { id: { S: 'gone' } } })).toEqual({ result: null });
    } finally {
      await second.server.close();
    }
  });

  it('close() can be called twice', async () => {
    const server = await startDynalite();
    await server.close();
    await expect(server.close()).resolves.toBeUndefined();
  });
});
