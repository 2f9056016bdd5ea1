import { join } from 'node:path';
import { CreateQueueCommand, GetQueueUrlCommand, QueueDoesNotExist, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import type { AwsCredentials } from '../../functions/lib/sigv4.js';
import type { QueueDecl } from '../../wiring/types.js';
import { LOCAL_ACCOUNT_ID } from '../http/local-credentials.js';
import { fillFifoBatchesAsSqs } from './fifo-batches.js';
import { captureRouter, type LocalDispatch, sqsRouterDispatch, watchSqsRouters } from './in-process-sqs.js';
import { inCreationOrder, physicalQueueName } from './queue-names.js';
import { syncQueueWritesAsTheStoreDoes } from './queue-durability.js';

export interface LocalSqsOptions {
  /** fauxqs keeps queues and messages in SQLite under `<dataDir>/sqs`, written through on every change. */
  dataDir: string;
  region: string;
  credentials: AwsCredentials;
  queues: QueueDecl[];
  /** 0 picks a free port. */
  port?: number;
  /** Replaces every declared visibility timeout (seconds): tests make redeliveries quick. */
  visibilityTimeoutSeconds?: number;
}

export interface LocalSqs {
  /** The SQS endpoint (AWS JSON protocol, `POST /` with `X-Amz-Target`). */
  endpoint: string;
  region: string;
  /** The local credentials every client of the endpoint signs with. */
  credentials: AwsCredentials;
  /** A client of the local endpoint, signed with the local credentials. */
  client: SQSClient;
  /** The endpoint's SQS API in this process, for the HTTP data source (in-process-sqs.ts). */
  dispatch: LocalDispatch;
  server: FauxqsServer;
  queueUrl(name: string): string;
  queueArn(name: string): string;
  close(): Promise<void>;
}

/**
 * The SQS-compatible queue of the local stack: fauxqs in this process, persisted under the data dir, with the
 * declared queues created (or brought to their declared attributes) through the SQS API itself. FIFO receives
 * fill batches as SQS does (fifo-batches.ts).
 */
export async function startLocalSqs(options: LocalSqsOptions): Promise<LocalSqs> {
  await Promise.all([fillFifoBatchesAsSqs(), syncQueueWritesAsTheStoreDoes(), watchSqsRouters()]);
  const { started: server, router } = await captureRouter(() => startFauxqs({ port: options.port ?? 0, logger: false, dataDir: join(options.dataDir, 'sqs'), defaultRegion: options.region }));
  const endpoint = `http://127.0.0.1:${server.port}`;
  const client = new SQSClient({ endpoint, region: options.region, credentials: options.credentials });
  const decls = new Map(options.queues.map((q) => [q.name, q]));
  const physical = (name: string): string => {
    const decl = decls.get(name);
    if (!decl) throw new Error(`No queue named ${name} is declared`);
    return physicalQueueName(decl);
  };
  // fauxqs finds a queue by the region and name in its URL, whatever host and port it shows.
  const queueUrl = (name: string): string => `http://sqs.${options.region}.localhost:${server.port}/${LOCAL_ACCOUNT_ID}/${physical(name)}`;
  const queueArn = (name: string): string => `arn:aws:sqs:${options.region}:${LOCAL_ACCOUNT_ID}:${physical(name)}`;
  try {
    for (const decl of inCreationOrder(options.queues)) {
      await ensureQueue(client, decl, attributesOf(decl, queueArn, options.visibilityTimeoutSeconds));
    }
  } catch (error) {
    client.destroy();
    await server.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      client.destroy();
      await server.stop();
    })();
    return closing;
  };
  return { endpoint, region: options.region, credentials: options.credentials, client, dispatch: sqsRouterDispatch(router, endpoint), server, queueUrl, queueArn, close };
}

function attributesOf(decl: QueueDecl, arnOf: (name: string) => string, visibilityOverride?: number): Record<string, string> {
  const attributes: Record<string, string> = {
    VisibilityTimeout: String(visibilityOverride ?? decl.visibilityTimeoutSeconds),
  };
  if (decl.retentionPeriodSeconds !== undefined) attributes.MessageRetentionPeriod = String(decl.retentionPeriodSeconds);
  if (decl.deadLetter) {
    attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: arnOf(decl.deadLetter.queue), maxReceiveCount: decl.deadLetter.maxReceiveCount });
  }
  return attributes;
}

/** Creates the queue, or sets the declared attributes on the one a previous run left (FifoQueue cannot change). */
async function ensureQueue(client: SQSClient, decl: QueueDecl, attributes: Record<string, string>): Promise<void> {
  const QueueName = physicalQueueName(decl);
  try {
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName }));
    await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: attributes }));
  } catch (error) {
    if (!(error instanceof QueueDoesNotExist)) throw error;
    const fifo = decl.fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'false' } : {};
    await client.send(new CreateQueueCommand({ QueueName, Attributes: { ...attributes, ...fifo } }));
  }
}
