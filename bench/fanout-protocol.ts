/** What bench/fanout.ts asks of its processes over IPC, and what they answer. */
export type ClientCommand =
  /** Opens `count` sockets to `url`, `window` handshakes at a time; with tokens, each speaks AppSync's protocol up to connection_ack. */
  | { op: 'connect'; url: string; count: number; tokens: string[]; window: number; timeoutMs: number }
  /** Sends `start` of onOrderStatusChanged on every socket and waits for every start_ack. */
  | { op: 'subscribe'; window: number; timeoutMs: number }
  /** From now on, each socket notes the arrival of its first `data` message about a new order (version 1). */
  | { op: 'arm' }
  /** The arrivals since `arm`, relative to `t0` (process.hrtime.bigint() in the bench, as a string). */
  | { op: 'collect'; t0: string; expected: number; timeoutMs: number; settleMs: number }
  /** Waits until every socket that had an arrival since `arm` has also received the order at `version` (its journey's later steps). */
  | { op: 'follow'; version: number; timeoutMs: number }
  | { op: 'close' };

export type ClientReply =
  | { op: 'connected'; ms: number; open: number; failed: number; failures: string[] }
  | { op: 'subscribed'; ms: number; failed: number; failures: string[] }
  | { op: 'armed' }
  /** Latency (ms) of each socket that received, its index, and the size of the frame received. */
  | { op: 'collected'; latencies: number[]; receivedBy: number[]; bytes: number }
  /** How many sockets with an arrival had not received that version by the timeout. */
  | { op: 'followed'; behind: number }
  | { op: 'closed' }
  | { op: 'failed'; error: string };

export type BareCommand = { op: 'broadcast'; bytes: number };
export type BareReply = { op: 'listening'; port: number } | { op: 'sent'; sockets: number };
