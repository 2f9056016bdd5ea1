import type { SQSRecord } from 'aws-lambda';

/**
 * Which records of a batch Lambda deletes, from the function's answer
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). Without ReportBatchItemFailures
 * a returned answer means every record succeeded. With it: no answer, an empty answer, a null or empty
 * `batchItemFailures` are a complete success; an entry whose `itemIdentifier` is empty, null, missing (a wrong key
 * name) or not a message of the batch makes the whole batch a failure; otherwise the named records stay queued.
 */
export type BatchOutcome = { kind: 'complete-failure'; reason: string } | { kind: 'partial'; succeeded: SQSRecord[]; failed: SQSRecord[] };

export function batchOutcome(records: SQSRecord[], response: unknown, reportBatchItemFailures: boolean): BatchOutcome {
  if (!reportBatchItemFailures) return { kind: 'partial', succeeded: records, failed: [] };
  const failures = (response as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'partial', succeeded: records, failed: [] };
  if (!Array.isArray(failures)) return { kind: 'complete-failure', reason: 'batchItemFailures is not a list' };
  const ids = new Set(records.map((r) => r.messageId));
  const failedIds = new Set<string>();
  for (const entry of failures) {
    const id = (entry as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !ids.has(id)) {
      return { kind: 'complete-failure', reason: `invalid itemIdentifier ${JSON.stringify(id ?? null)}` };
    }
    failedIds.add(id);
  }
  return {
    kind: 'partial',
    succeeded: records.filter((r) => !failedIds.has(r.messageId)),
    failed: records.filter((r) => failedIds.has(r.messageId)),
  };
}

/**
 * Records a FIFO answer reports as processed although an earlier record of their message group failed: Lambda
 * deletes them all the same (keeping order is the function's job), so the local runner only warns about them.
 */
export function outOfOrderSuccesses(records: SQSRecord[], failed: SQSRecord[]): SQSRecord[] {
  const failedIds = new Set(failed.map((r) => r.messageId));
  const brokenGroups = new Set<string>();
  const outOfOrder: SQSRecord[] = [];
  for (const record of records) {
    const group = record.attributes.MessageGroupId;
    if (group === undefined) continue;
    if (failedIds.has(record.messageId)) brokenGroups.add(group);
    else if (brokenGroups.has(group)) outOfOrder.push(record);
  }
  return outOfOrder;
}
