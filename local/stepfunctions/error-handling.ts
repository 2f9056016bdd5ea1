import type { StateDefinition } from './definitions.js';
import type { StatesError } from './errors.js';
import type { Position } from './execution-store.js';

interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
}

/**
 * The state's first Retrier that matches the error, if it has attempts left: its index (the position counts
 * attempts per retrier) and the wait before the next attempt, with AWS's defaults (1 s, rate 2, 3 attempts).
 */
export function retryOf(state: StateDefinition, position: Position, failure: StatesError): { index: number; delayMs: number } | undefined {
  const retriers = (state.Retry ?? []) as unknown as Retrier[];
  const index = retriers.findIndex((r) => errorMatches(r.ErrorEquals, failure.error));
  const retrier = retriers[index];
  if (!retrier) return undefined;
  const attempts = position.retries[index] ?? 0;
  if (attempts >= (retrier.MaxAttempts ?? 3)) return undefined;
  const delay = Math.min((retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempts, retrier.MaxDelaySeconds ?? Infinity);
  return { index, delayMs: delay * 1000 };
}

/** The state's first Catcher that matches the error. */
export function catcherOf(state: StateDefinition, failure: StatesError): Catcher | undefined {
  return ((state.Catch ?? []) as unknown as Catcher[]).find((c) => errorMatches(c.ErrorEquals, failure.error));
}

/** ErrorEquals: the name itself, States.ALL (any), States.TaskFailed (any but a timeout), States.Timeout (heartbeats too). */
export function errorMatches(names: string[], error: string): boolean {
  return names.some(
    (name) =>
      name === error ||
      name === 'States.ALL' ||
      (name === 'States.TaskFailed' && !error.startsWith('States.')) ||
      (name === 'States.Timeout' && error === 'States.HeartbeatTimeout'),
  );
}
