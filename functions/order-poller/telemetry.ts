import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { SQSRecord } from 'aws-lambda';
import type { PollerConfig } from './config.js';
import { POLLER_METRICS } from './metric-names.js';

type Segment = ReturnType<Tracer['getSegment']>;

/**
 * One invocation's metrics, flushed once at its end as one EMF line on stdout (which Lambda ships to CloudWatch,
 * and `npm start` prints). An instance per invocation: offline, invocations of the one handler run side by side
 * in one process, and a shared buffer would flush another invocation's values.
 */
export class InvocationMetrics {
  private readonly metrics: Metrics;

  constructor(private readonly config: Pick<PollerConfig, 'metricsNamespace' | 'serviceName' | 'metricsDisabled'>) {
    this.metrics = new Metrics({ namespace: config.metricsNamespace, serviceName: config.serviceName });
  }

  received(record: SQSRecord, now = Date.now()): void {
    const sent = Number(record.attributes.SentTimestamp);
    if (Number.isFinite(sent) && sent > 0) this.metrics.addMetric(POLLER_METRICS.queueLag, MetricUnit.Milliseconds, Math.max(0, now - sent));
  }

  stored(outcome: 'created' | 'failed'): void {
    this.metrics.addMetric(outcome === 'created' ? POLLER_METRICS.ordersCreated : POLLER_METRICS.ordersFailed, MetricUnit.Count, 1);
  }

  retried(count: number): void {
    this.metrics.addMetric(POLLER_METRICS.recordsRetried, MetricUnit.Count, count);
  }

  publish(): void {
    if (this.config.metricsDisabled) this.metrics.clearMetrics();
    else if (this.metrics.hasStoredMetrics()) this.metrics.publishStoredMetrics();
  }
}

/**
 * The invocation as Powertools' manual instrumentation traces it: a `## handler` subsegment of Lambda's segment,
 * cold start and service annotations, errors as metadata. Off the Lambda runtime (npm start, tests) there is no
 * Tracer, or a disabled one, and `run` gets no segment.
 */
export async function traced<T>(tracer: Tracer | undefined, run: (segment: Segment | undefined) => Promise<T>): Promise<T> {
  if (!tracer?.isTracingEnabled()) return run(undefined);
  const parent = tracer.getSegment();
  const segment = parent?.addNewSubsegment('## index.handler');
  if (segment) tracer.setSegment(segment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  try {
    return await run(segment);
  } catch (error) {
    tracer.addErrorAsMetadata(error as Error);
    throw error;
  } finally {
    segment?.close();
    if (parent) tracer.setSegment(parent);
  }
}

/**
 * A subsegment per record, searchable by its correlation id (an X-Ray annotation), with the trace it was sent in:
 * Lambda links the invocation to the AWSTraceHeader of the messages it received.
 */
export function traceRecord(segment: Segment | undefined, correlationId: string, traceHeader: string | undefined): Segment | undefined {
  const sub = segment?.addNewSubsegment('### order record');
  sub?.addAnnotation('correlationId', correlationId);
  if (traceHeader) sub?.addMetadata('AWSTraceHeader', traceHeader);
  return sub;
}
