import { scrub } from './secrets.js';

/** AppSync's field-level log levels (LogConfig.fieldLogLevel). */
export const FIELD_LOG_LEVELS = ['NONE', 'ERROR', 'INFO', 'DEBUG', 'ALL'] as const;
export type FieldLogLevel = (typeof FIELD_LOG_LEVELS)[number];

export class InvalidFieldLogLevelError extends Error {
  override readonly name = 'InvalidFieldLogLevelError';
}

/** A level named in the environment (`FIELD_LOG_LEVEL`), case-insensitive; `fallback` when unset. */
export function parseFieldLogLevel(value: string | undefined, fallback: FieldLogLevel): FieldLogLevel {
  if (value === undefined || value === '') return fallback;
  const level = FIELD_LOG_LEVELS.find((name) => name === value.toUpperCase());
  if (!level) throw new InvalidFieldLogLevelError(`FIELD_LOG_LEVEL must be one of ${FIELD_LOG_LEVELS.join(', ')}, not ${JSON.stringify(value)}`);
  return level;
}

export type LogListener = (line: string) => void;

/**
 * Where an API's log lines go: one JSON line per entry to each listener (`npm start` prints them, tests collect
 * them). Nothing is built while nobody listens, so an API without listeners pays nothing for its logs. Every line
 * passes through `scrub` with the credentials of the request it is about: a token that reached a resolver's
 * `console.log` is cut out as surely as the Authorization header itself, which is never logged.
 */
export class ApiLog {
  /** Which field-level entries are written besides the request lines; AppSync's levels. */
  fieldLogLevel: FieldLogLevel = 'NONE';
  private readonly listeners = new Set<LogListener>();

  get enabled(): boolean {
    return this.listeners.size > 0;
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(entry: object, secrets: readonly string[] = []): void {
    if (!this.enabled) return;
    const line = scrub(JSON.stringify(entry), secrets);
    for (const listener of this.listeners) listener(line);
  }
}
