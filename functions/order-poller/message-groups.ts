import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type RecordHandler = (record: SQSRecord) => Promise<void>;

/**
 * The records of a batch by message group, each group's records in the batch's order (which, on a FIFO queue, is
 * the order they were sent). A record without a group (a standard queue) is a group of its own.
 */
export function messageGroups(records: readonly SQSRecord[]): SQSRecord[][] {
  const groups = new Map<string, SQSRecord[]>();
  const ungrouped: SQSRecord[][] = [];
  for (const record of records) {
    const id = record.attributes.MessageGroupId;
    if (id === undefined) {
      ungrouped.push([record]);
      continue;
    }
    const group = groups.get(id);
    if (group) group.push(record);
    else groups.set(id, [record]);
  }
  return [...groups.values(), ...ungrouped];
}

/**
 * A FIFO batch with its message groups processed side by side and each group's records one after another.
 * Powertools' FIFO processor handles every group: the first failed record fails the rest of its own group, which
 * is reported unprocessed (so it comes back in order), and nothing else. Groups are independent by definition,
 * so running them concurrently keeps every guarantee of the sequential processor while a batch spanning ten
 * groups takes as long as its longest group instead of the sum of all.
 *
 * An error escaping a group's processing (not a record failure: those are reported) fails the whole invocation,
 * but only once every other group has settled, so nothing is still running when Lambda redelivers the batch.
 */
export async function processGroupsInParallel(event: SQSEvent, recordHandler: RecordHandler, context: Context): Promise<SQSBatchResponse> {
  const settled = await Promise.allSettled(
    messageGroups(event.Records).map((records) =>
      processPartialResponse({ Records: records }, recordHandler, new SqsFifoPartialProcessorAsync(), {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      }),
    ),
  );
  const failed = new Set<string>();
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    for (const failure of outcome.value.batchItemFailures) failed.add(failure.itemIdentifier);
  }
  // In the batch's order, as the sequential processor reports them.
  const batchItemFailures: SQSBatchItemFailure[] = event.Records.filter((r) => failed.has(r.messageId)).map((r) => ({ itemIdentifier: r.messageId }));
  return { batchItemFailures };
}
