import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { LambdaFunctionDecl, SqsEventSourceDecl } from '../../wiring/types.js';
import type { SqsJsonClient, WireMessage } from '../sqs/sqs-json-client.js';
import { batchOutcome, outOfOrderSuccesses } from './batch-response.js';
import { InvocationSlots } from './invocation-slots.js';
import { lambdaContext } from './lambda-context.js';
import { sqsRecord } from './sqs-event.js';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

export interface EventSourceMappingOptions {
  fn: Pick<LambdaFunctionDecl, 'name' | 'memorySize' | 'timeoutSeconds'>;
  source: SqsEventSourceDecl;
  queue: { url: string; arn: string; region: string };
  client: SqsJsonClient;
  handler: SqsHandler;
  /** Receive loops (Lambda's pollers); 1 by default. Invocations are bounded by the source's maxConcurrency. */
  pollers?: number;
  log?: (line: string) => void;
}

/** Lambda's long polls last up to 20 s; stop() aborts them. */
const WAIT_TIME_SECONDS = 20;
const RETRY_AFTER_ERROR_MS = 500;
/**
 * Without a declared maximum, Lambda scales a FIFO mapping up to its active message groups (and the account's
 * concurrency); one machine runs a bounded number instead.
 */
export const LOCAL_DEFAULT_MAX_CONCURRENCY = 10;

class InvocationTimeoutError extends Error {
  override readonly name = 'InvocationTimeoutError';
}

/**
 * Lambda's SQS event source mapping, locally: long-polls the queue, invokes the handler in-process with the batch
 * as Lambda builds it, and deletes what succeeded. Invocations run side by side up to the source's maximum
 * concurrency: a poller receives only when an invocation slot is free (as Lambda does with MaximumConcurrency, so
 * messages wait in the queue rather than being received and throttled) and goes back to receiving while the batch
 * runs. FIFO groups never overlap: the queue hands out nothing more of a group while any of its messages is in
 * flight, and a batch's messages stay in flight until its invocation ends and what succeeded is deleted. A handler that throws, rejects or runs past its timeout fails
 * the whole batch: nothing is deleted and every message comes back after the queue's visibility timeout (an
 * in-process handler cannot be killed, so a timed-out one is abandoned, not stopped). Receives beyond the redrive
 * policy's maxReceiveCount move the message to the dead-letter queue: the queue does that, as SQS does.
 */
export class SqsEventSourceMapping {
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly workers: Promise<void>[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly slots: InvocationSlots;
  private readonly log: (line: string) => void;

  constructor(private readonly options: EventSourceMappingOptions) {
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.slots = new InvocationSlots(options.source.maxConcurrency ?? LOCAL_DEFAULT_MAX_CONCURRENCY);
  }

  start(): void {
    for (let i = 0; i < (this.options.pollers ?? 1); i += 1) this.workers.push(this.poll());
  }

  /** Stops receiving and waits for the batches in hand to finish (at most the function's timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.slots.releaseWaiters();
    await Promise.all(this.workers);
    await Promise.all([...this.running]);
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      await this.slots.acquire();
      if (this.stopped) {
        this.slots.release();
        return;
      }
      let messages: WireMessage[];
      try {
        messages = await this.receive();
      } catch (error) {
        this.slots.release();
        if (this.stopped) return;
        this.log(`[${this.options.fn.name}] ReceiveMessage failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
        continue;
      }
      if (messages.length === 0) {
        this.slots.release();
        continue;
      }
      const invocation = this.invoke(messages.map((m) => sqsRecord(m, this.options.queue)))
        .catch((error: unknown) => this.log(`[${this.options.fn.name}] invocation failed: ${(error as Error).message}`))
        .finally(() => {
          this.running.delete(invocation);
          this.slots.release();
        });
      this.running.add(invocation);
    }
  }

  private async receive(): Promise<WireMessage[]> {
    const { Messages } = await this.options.client.call<{ Messages?: WireMessage[] }>(
      'ReceiveMessage',
      {
        QueueUrl: this.options.queue.url,
        MaxNumberOfMessages: Math.min(this.options.source.batchSize, 10),
        WaitTimeSeconds: WAIT_TIME_SECONDS,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      },
      { signal: this.abort.signal, timeoutMs: (WAIT_TIME_SECONDS + 10) * 1000 },
    );
    return Messages ?? [];
  }

  private async invoke(records: SQSRecord[]): Promise<void> {
    const { fn, source } = this.options;
    const timeoutMs = fn.timeoutSeconds * 1000;
    const context = lambdaContext(fn, this.options.queue.region, Date.now() + timeoutMs);
    let response: unknown;
    try {
      response = await withTimeout(this.options.handler({ Records: records }, context), timeoutMs);
    } catch (error) {
      this.log(`[${fn.name}] invocation ${context.awsRequestId} failed, ${records.length} message(s) return to the queue: ${(error as Error).message}`);
      return;
    }
    const outcome = batchOutcome(records, response, source.reportBatchItemFailures);
    if (outcome.kind === 'complete-failure') {
      this.log(`[${fn.name}] invocation ${context.awsRequestId}: the whole batch failed (${outcome.reason})`);
      return;
    }
    for (const record of outOfOrderSuccesses(records, outcome.failed)) {
      this.log(`[${fn.name}] FIFO order broken: ${record.messageId} succeeded after an earlier message of group ${record.attributes.MessageGroupId} failed`);
    }
    await this.delete(outcome.succeeded);
  }

  private async delete(records: SQSRecord[]): Promise<void> {
    if (records.length === 0) return;
    // A message not deleted comes back after its visibility timeout: processed twice, never lost.
    try {
      const { Failed } = await this.options.client.call<{ Failed?: { Code?: string; Message?: string }[] }>('DeleteMessageBatch', {
        QueueUrl: this.options.queue.url,
        Entries: records.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
      });
      for (const failure of Failed ?? []) this.log(`[${this.options.fn.name}] DeleteMessage failed: ${failure.Code} ${failure.Message ?? ''}`);
    } catch (error) {
      this.log(`[${this.options.fn.name}] DeleteMessageBatch failed: ${(error as Error).message}`);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InvocationTimeoutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
