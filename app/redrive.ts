import { runRedriveCli } from '../local/sqs/redrive-cli.js';
import { orderApi } from './wiring.js';

/** `npm run redrive`: the order queue's dead letters back to it (see docs/queued-orders.md, "Redriving the dead-letter queue"). */
const source = orderApi.queues?.find((queue) => queue.deadLetter !== undefined);
if (!source?.deadLetter) throw new Error('The wiring declares no queue with a dead-letter queue');
await runRedriveCli({ queue: source.name, deadLetterQueue: source.deadLetter.queue });
