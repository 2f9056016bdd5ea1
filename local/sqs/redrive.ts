import {
  DeleteMessageCommand,
  ListMessageMoveTasksCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';

export interface RedriveQueues {
  dlqUrl: string;
  dlqArn: string;
  /** The queue the messages came from (what a message-move task uses when no destination is given). */
  sourceUrl: string;
}

export interface RedriveReport {
  mode: 'message-move-task' | 'receive-send-delete';
  moved: number;
  status: string;
}

/** Endpoints without message-move tasks answer these (fauxqs answers InvalidAction). */
const UNSUPPORTED = new Set(['InvalidAction', 'UnsupportedOperation', 'UnknownOperationException']);
const POLL_MS = 1000;

/**
 * Moves every message of a dead-letter queue back to its source queue. On AWS that is an SQS message-move task
 * (StartMessageMoveTask, then ListMessageMoveTasks until it ends). Where the endpoint has no such tasks (the local
 * fauxqs), the same move by hand: receive a message, send it to the source queue with its body, attributes and
 * message group, delete it from the DLQ, one at a time so a FIFO group keeps its order. The deduplication id is the
 * DLQ message's id: a move interrupted between send and delete and run again sends nothing twice.
 */
export async function redrive(client: SQSClient, queues: RedriveQueues, log: (line: string) => void = () => {}): Promise<RedriveReport> {
  try {
    const { TaskHandle } = await client.send(new StartMessageMoveTaskCommand({ SourceArn: queues.dlqArn }));
    log(`Message-move task started: ${TaskHandle ?? ''}`);
    return await awaitMoveTask(client, queues.dlqArn);
  } catch (error) {
    if (!UNSUPPORTED.has((error as Error).name)) throw error;
    log('This endpoint has no message-move tasks: moving messages one by one');
    return { mode: 'receive-send-delete', moved: await moveByHand(client, queues), status: 'COMPLETED' };
  }
}

async function awaitMoveTask(client: SQSClient, dlqArn: string): Promise<RedriveReport> {
  for (;;) {
    const { Results } = await client.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn, MaxResults: 1 }));
    const task = Results?.[0];
    const status = task?.Status ?? 'UNKNOWN';
    if (status !== 'RUNNING' && status !== 'CANCELLING') {
      if (status !== 'COMPLETED') throw new Error(`The message-move task ended ${status}: ${task?.FailureReason ?? 'no reason given'}`);
      return { mode: 'message-move-task', moved: task?.ApproximateNumberOfMessagesMoved ?? 0, status };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function moveByHand(client: SQSClient, queues: RedriveQueues): Promise<number> {
  const fifo = queues.sourceUrl.endsWith('.fifo');
  let moved = 0;
  for (;;) {
    const { Messages } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queues.dlqUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }),
    );
    const message = Messages?.[0];
    if (!message) return moved;
    await client.send(new SendMessageCommand(sendInput(message, queues.sourceUrl, fifo)));
    await client.send(new DeleteMessageCommand({ QueueUrl: queues.dlqUrl, ReceiptHandle: message.ReceiptHandle }));
    moved += 1;
  }
}

function sendInput(message: Message, queueUrl: string, fifo: boolean) {
  const group = message.Attributes?.MessageGroupId;
  return {
    QueueUrl: queueUrl,
    MessageBody: message.Body ?? '',
    ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
    ...(fifo ? { MessageGroupId: group ?? 'redrive', MessageDeduplicationId: message.MessageId } : {}),
  };
}
