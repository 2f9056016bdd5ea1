import type { QueueDecl } from '../../wiring/types.js';

/** A declared queue's name in SQS: FIFO queue names must end in `.fifo`. */
export function physicalQueueName(decl: Pick<QueueDecl, 'name' | 'fifo'>): string {
  return decl.fifo ? `${decl.name}.fifo` : decl.name;
}

/** `orders-dlq` → `ordersDlqQueueUrl`: the key a queue's URL has in the stack's endpoints (and /health). */
export function queueUrlKey(name: string): string {
  const camel = name.replace(/[-_.](\w)/g, (_, letter: string) => letter.toUpperCase());
  return `${camel}QueueUrl`;
}

export class QueueDeclarationError extends Error {
  override readonly name = 'QueueDeclarationError';
}

/** Dead-letter queues first, so a redrive policy always names a queue that exists. */
export function inCreationOrder(queues: QueueDecl[]): QueueDecl[] {
  const byName = new Map(queues.map((q) => [q.name, q]));
  for (const queue of queues) {
    const target = queue.deadLetter && byName.get(queue.deadLetter.queue);
    if (queue.deadLetter && !target) throw new QueueDeclarationError(`${queue.name} names an undeclared dead-letter queue ${queue.deadLetter.queue}`);
    if (target && Boolean(target.fifo) !== Boolean(queue.fifo)) {
      throw new QueueDeclarationError(`${queue.name} and its dead-letter queue ${target.name} must both be FIFO or both standard`);
    }
  }
  const targets = new Set(queues.flatMap((q) => (q.deadLetter ? [q.deadLetter.queue] : [])));
  return [...queues.filter((q) => targets.has(q.name)), ...queues.filter((q) => !targets.has(q.name))];
}
