import { pathToFileURL } from 'node:url';
import { fauxqsFile, FauxqsPatchError } from './fauxqs-files.js';

/**
 * Two corrections to fauxqs 2.4's FIFO queues, so that batches fill as SQS fills them
 * (https://repost.aws/knowledge-center/sqs-fifo-messages-not-returned: "SQS returns as many messages with the
 * same message group ID as possible", then messages of other groups):
 *
 * 1. fauxqs returns at most one message per group per ReceiveMessage (a `break` after the first message of a
 *    group in `dequeueFifo`). A user with 20 orders waiting then needs 20 receive–invoke–delete rounds instead of
 *    2, and batches never look like the ones Lambda hands the function. Here a receive takes messages one at a
 *    time through fauxqs' own `dequeueFifo` (which keeps its dead-letter moves, persistence and spy), lifting the
 *    group's in-flight lock between takes so the next take may continue the same group, then locks the group
 *    for every message taken (the lock is a count, which deletes and expiries decrement one by one).
 * 2. Once several messages of a group can be in flight, fauxqs puts expired ones back at the front of their group
 *    one by one in the order they were received, which reverses them. Here expired in-flight messages are
 *    presented newest first, so the group ends up in its original order.
 *
 * fauxqs keeps its queue class out of its package exports, hence the file lookup; the version is checked so that an
 * upgrade is reviewed (and this dropped once fauxqs fills batches itself). The same change is suggested upstream
 * in patches/fauxqs-fifo-batches.md.
 */
interface FifoMessage {
  messageGroupId?: string;
  sequenceNumber?: string;
}

interface InflightEntry {
  message: FifoMessage;
  visibilityDeadline: number;
}

interface FauxqsQueue {
  isFifo(): boolean;
  dequeueFifo(maxCount: number, visibilityTimeoutOverride?: number, dlqResolver?: unknown): { ReceiptHandle: string }[];
  processTimers(): void;
  inflightMessages: Map<string, InflightEntry>;
  fifoLockedGroups: Map<string, number>;
}

let applied: Promise<void> | undefined;

/** Applies both corrections to fauxqs' queue class, once per process. */
export function fillFifoBatchesAsSqs(): Promise<void> {
  applied ??= (async () => {
    const { SqsQueue } = (await import(pathToFileURL(fauxqsFile('dist/sqs/sqsStore.js', 'local/sqs/fifo-batches.ts')).href)) as { SqsQueue: { prototype: FauxqsQueue } };
    patchQueue(SqsQueue.prototype);
  })();
  return applied;
}

/** Queues in the middle of one filling receive: their timers already ran for it. */
const filling = new WeakSet<FauxqsQueue>();

// Runs on every receive and every timer tick: a plain pass, without copying the map.
function anyExpired(entries: Iterable<InflightEntry>, now: number): boolean {
  for (const entry of entries) if (entry.visibilityDeadline <= now) return true;
  return false;
}

function patchQueue(proto: FauxqsQueue): void {
  const dequeueOne = proto.dequeueFifo;
  const processTimers = proto.processTimers;
  if (typeof dequeueOne !== 'function' || typeof processTimers !== 'function') throw new FauxqsPatchError('fauxqs has no dequeueFifo/processTimers');

  proto.dequeueFifo = function dequeueFilling(this: FauxqsQueue, maxCount, visibilityTimeoutOverride, dlqResolver) {
    const taken: { ReceiptHandle: string }[] = [];
    const lifted = new Map<string, number>();
    try {
      while (taken.length < Math.min(maxCount, 10)) {
        // fauxqs takes from the first unlocked group, so with the lock lifted that is the same group again until
        // it has nothing left (the groups before it are locked or empty).
        const [message] = dequeueOne.call(this, 1, visibilityTimeoutOverride, dlqResolver);
        if (!message) break;
        taken.push(message);
        // Each take would run the queue's timers again (a pass over every message in flight); the first did.
        filling.add(this);
        const group = this.inflightMessages.get(message.ReceiptHandle)?.message.messageGroupId;
        if (group === undefined) continue;
        lifted.set(group, (lifted.get(group) ?? 0) + 1);
        this.fifoLockedGroups.delete(group);
      }
    } finally {
      for (const [group, count] of lifted) this.fifoLockedGroups.set(group, count);
      filling.delete(this);
    }
    return taken;
  };

  proto.processTimers = function processTimersInOrder(this: FauxqsQueue) {
    if (filling.has(this)) return;
    if (this.isFifo() && anyExpired(this.inflightMessages.values(), Date.now())) {
      const entries = [...this.inflightMessages];
      // fauxqs puts each expired message at the front of its group in map order: newest first ends oldest first.
      entries.sort(([, a], [, b]) => (b.message.sequenceNumber ?? '').localeCompare(a.message.sequenceNumber ?? ''));
      this.inflightMessages.clear();
      for (const [handle, entry] of entries) this.inflightMessages.set(handle, entry);
    }
    processTimers.call(this);
  };
}
