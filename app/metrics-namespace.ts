/** The CloudWatch namespace of the order API's own metrics (the poller's and the journey's). */
export const METRICS_NAMESPACE = 'OrderApi';
