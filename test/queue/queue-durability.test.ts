import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { fauxqsFile } from '../../local/sqs/fauxqs-files.js';
import { type LocalSqsOptions, startLocalSqs } from '../../local/sqs/local-sqs.js';

const dir = mkdtempSync(join(tmpdir(), 'queue-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options: LocalSqsOptions = {
  dataDir: dir,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  queues: [{ name: 'q', fifo: false, visibilityTimeoutSeconds: 30 }],
};

interface Persistence {
  db: { prepare(sql: string): { get(): unknown } };
  close(): void;
}

describe("the local queue's SQLite writes", () => {
  it('use synchronous = NORMAL on the WAL journal (no fsync per change) once the local queue has started', async () => {
    const sqs = await startLocalSqs(options);
    await sqs.close();
    // The pragma belongs to a connection: open one as fauxqs opens its own, through its own class.
    const { PersistenceManager } = (await import(pathToFileURL(fauxqsFile('dist/persistence.js', 'test')).href)) as {
      PersistenceManager: new (dir: string) => Persistence;
    };
    const persistence = new PersistenceManager(join(dir, 'probe'));
    expect(persistence.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(persistence.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
    persistence.close();
  });

  it('still keeps a sent message across a restart on the same data dir', async () => {
    const sqs = await startLocalSqs(options);
    await sqs.client.send(new SendMessageCommand({ QueueUrl: sqs.queueUrl('q'), MessageBody: 'kept' }));
    await sqs.close();
    const again = await startLocalSqs(options);
    const { Messages } = await again.client.send(new ReceiveMessageCommand({ QueueUrl: again.queueUrl('q'), WaitTimeSeconds: 1 }));
    await again.close();
    expect(Messages?.map((m) => m.Body)).toEqual(['kept']);
  });
});
