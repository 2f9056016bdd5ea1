/** The limits and timings of the real-time endpoint; the defaults are AppSync's. */
export interface RealtimeOptions {
  /** Sent in `connection_ack`: a client that hears nothing for this long drops the connection (AppSync: 5 minutes). */
  connectionTimeoutMs: number;
  /** How often `ka` is sent (AppSync: every 60 seconds). */
  keepAliveIntervalMs: number;
  /** AppSync's default quota of subscriptions on one connection. */
  maxSubscriptionsPerConnection: number;
  /** AppSync does not deliver an event over this size (240 KB) to a subscriber. */
  maxPayloadBytes: number;
}

export const APPSYNC_REALTIME_DEFAULTS: RealtimeOptions = {
  connectionTimeoutMs: 300_000,
  keepAliveIntervalMs: 60_000,
  maxSubscriptionsPerConnection: 100,
  maxPayloadBytes: 240 * 1024,
};
