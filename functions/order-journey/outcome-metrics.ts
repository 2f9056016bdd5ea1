import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { JourneyConfig } from './config.js';
import type { JourneyOutcome } from './event.js';
import { JOURNEY_METRICS } from './metric-names.js';

/** Each outcome is one count of its metric; the wiring's alarms watch two of them. */
const METRIC_OF: Record<JourneyOutcome, string> = {
  RESTAURANT_REJECTED: JOURNEY_METRICS.restaurantRejections,
  CUSTOMER_CANCELLED: JOURNEY_METRICS.cancelledBeforeAcceptance,
  ACCEPTANCE_TIMEOUT: JOURNEY_METRICS.acceptanceTimeouts,
};

/**
 * Counts one outcome, published at once as one EMF line on stdout (which Lambda ships to CloudWatch, and
 * `npm start` prints). A Metrics instance per call: offline, invocations of the one handler run side by side in
 * one process, and a shared buffer would publish another invocation's count.
 */
export function countOutcome(config: Pick<JourneyConfig, 'metricsNamespace' | 'serviceName' | 'metricsDisabled'>, outcome: JourneyOutcome): void {
  if (config.metricsDisabled) return;
  const metrics = new Metrics({ namespace: config.metricsNamespace, serviceName: config.serviceName });
  metrics.addMetric(METRIC_OF[outcome], MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}
