import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { queueUrlKey } from './queue-names.js';
import { redrive, type RedriveQueues } from './redrive.js';

/** The declared queue whose dead-letter queue is redriven when the command names none. */
export interface RedriveDefaults {
  queue: string;
  deadLetterQueue: string;
}

/**
 * The redrive command: moves a dead-letter queue's messages back to its source queue.
 *   local (npm start running):  [--api http://localhost:4000] [--queue NAME --dlq NAME]
 *   AWS (credentials from the usual chain):  --dlq-url <DLQ URL> --source-url <queue URL> [--region r]
 */
export async function runRedriveCli(defaults: RedriveDefaults): Promise<void> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      queue: { type: 'string', default: defaults.queue },
      dlq: { type: 'string', default: defaults.deadLetterQueue },
      'dlq-url': { type: 'string' },
      'source-url': { type: 'string' },
      region: { type: 'string' },
    },
  });
  const { client, queues } = await target(values);
  try {
    const report = await redrive(client, queues, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`Moved ${report.moved} message(s) from ${queues.dlqUrl} to ${queues.sourceUrl} (${report.mode}, ${report.status})\n`);
  } finally {
    client.destroy();
  }
}

interface RedriveArgs {
  api?: string;
  queue?: string;
  dlq?: string;
  'dlq-url'?: string;
  'source-url'?: string;
  region?: string;
}

async function target(values: RedriveArgs): Promise<{ client: SQSClient; queues: RedriveQueues }> {
  const dlqUrl = values['dlq-url'];
  const sourceUrl = values['source-url'];
  if (dlqUrl && sourceUrl) {
    const region = values.region ?? process.env.AWS_REGION ?? regionOf(dlqUrl);
    return { client: new SQSClient({ region }), queues: { dlqUrl, sourceUrl, dlqArn: arnOf(dlqUrl, region) } };
  }
  const api = values.api ?? `http://localhost:${process.env.PORT ?? 4000}`;
  const health = (await (await fetch(`${api}/health`)).json()) as Record<string, string | undefined>;
  const name = values.queue ?? '';
  const dlqName = values.dlq ?? '';
  const local = { endpoint: health.sqs, sourceUrl: health[queueUrlKey(name)], dlqUrl: health[queueUrlKey(dlqName)], region: health.region };
  if (!local.endpoint || !local.sourceUrl || !local.dlqUrl || !local.region) throw new Error(`${api}/health names no local queues ${name} and ${dlqName}`);
  // The embedded SQS (fauxqs) verifies no signature: any key signs for it.
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  return {
    client: new SQSClient({ endpoint: local.endpoint, region: local.region, credentials }),
    queues: { dlqUrl: local.dlqUrl, sourceUrl: local.sourceUrl, dlqArn: arnOf(local.dlqUrl, local.region) },
  };
}

/** https://sqs.<region>.amazonaws.com/<account>/<name> → arn:aws:sqs:<region>:<account>:<name> */
function arnOf(queueUrl: string, region: string): string {
  const [account, name] = new URL(queueUrl).pathname.split('/').filter(Boolean);
  return `arn:aws:sqs:${region}:${account ?? ''}:${name ?? ''}`;
}

function regionOf(queueUrl: string): string {
  const match = /^sqs\.([a-z0-9-]+)\./.exec(new URL(queueUrl).hostname);
  if (!match?.[1]) throw new Error(`Cannot tell the region of ${queueUrl}: give --region`);
  return match[1];
}
