import type { Logger } from '@aws-lambda-powertools/logger';

type Extra = Record<string, unknown>;

/** The log lines about one record: each carries the record's correlation id and message id. */
export interface RecordLog {
  info(message: string, extra?: Extra): void;
  warn(message: string, extra?: Extra): void;
  error(message: string, extra?: Extra): void;
}

/**
 * The record's keys added to each line, on the invocation's logger. Not a child Logger per record: groups run
 * concurrently, so keys appended to the shared logger would mix records, and a child costs ~80 µs to create
 * (Powertools reads its environment again), more than the two or three lines a record writes.
 */
export function recordLog(logger: Logger, keys: { correlationId: string; messageId: string }): RecordLog {
  return {
    info: (message, extra = {}) => logger.info(message, { ...keys, ...extra }),
    warn: (message, extra = {}) => logger.warn(message, { ...keys, ...extra }),
    error: (message, extra = {}) => logger.error(message, { ...keys, ...extra }),
  };
}
