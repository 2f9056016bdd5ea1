import type { ListenerAnswer } from './in-process-store.js';

/** What the store thread is started with. */
export interface StoreThreadData {
  /** dynalite's entry file, resolved by the main thread (the thread's code is evaluated, not loaded from a file). */
  dynalitePath: string;
  /** LevelDB directory; in memory when absent. */
  path?: string;
}

export type ToStoreThread = { type: 'call'; id: number; operation: string; body: string } | { type: 'close' };

export type FromStoreThread =
  | { type: 'ready'; port: number }
  | { type: 'answer'; id: number; answer?: ListenerAnswer; error?: string }
  | { type: 'closed'; error?: string }
  | { type: 'failed'; error: string };
