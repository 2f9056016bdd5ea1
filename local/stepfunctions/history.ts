import type { ExecutionRecord } from './execution-store.js';

/** The key AWS puts an event's details under: `stateEnteredEventDetails` for every *StateEntered, and so on. */
function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]?.toLowerCase() ?? ''}${type.slice(1)}EventDetails`;
}

/** Appends an event to the execution's history, as GetExecutionHistory lists it. */
export function addEvent(record: ExecutionRecord, timestamp: number, type: string, details?: Record<string, unknown>): void {
  const id = record.events.length + 1;
  record.events.push({ id, previousEventId: id - 1, timestamp, type, ...(details ? { [detailsKey(type)]: details } : {}) });
}

/** Data fields as AWS shows them: the text, and whether it was cut (never, here). */
export const data = (name: 'input' | 'output', value: unknown): Record<string, unknown> => ({
  [name]: JSON.stringify(value),
  [`${name}Details`]: { truncated: false },
});
