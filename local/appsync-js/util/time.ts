import { UtilArgumentError } from '../errors.js';
import { requireNumber, requireString } from './arg-checks.js';
import { parseFormattedToEpochMillis, parseIsoToEpochMillis } from './time-parse.js';
import { atZone, formatAt } from './time-pattern.js';
import { UTC, resolveZone } from './time-zone.js';

/**
 * `util.time`: https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html
 * Formats are Java `DateTimeFormatter` patterns; time zones are Java `ZoneId`s; a missing zone means UTC.
 */

/** Always millisecond precision with a `Z`, as in the guide's "2018-02-06T19:01:35.758Z". */
const ISO_8601 = "uuuu-MM-dd'T'HH:mm:ss.SSSXXX";
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(10000, 0, 1);

function millis(fn: string, value: unknown): number {
  const ms = requireNumber(fn, value, 'epoch milliseconds');
  if (!Number.isFinite(ms)) throw new UtilArgumentError(`${fn}: the epoch milliseconds must be finite, got ${ms}`);
  return ms;
}

function formatMillis(fn: string, ms: number, format: unknown, timezone: unknown): string {
  const pattern = requireString(fn, format, 'format');
  return formatAt(fn, atZone(fn, ms, resolveZone(fn, timezone)), pattern);
}

export const time = {
  nowISO8601(): string {
    const now = Date.now();
    // The pattern at UTC prints what toISOString prints for years 0 to 9999, at a small part of the cost (resolvers
    // stamp every write with it); other instants go through the pattern.
    return now < LAST_FOUR_DIGIT_YEAR_MS ? new Date(now).toISOString() : formatAt('util.time.nowISO8601', atZone('util.time.nowISO8601', now, UTC), ISO_8601);
  },

  nowEpochSeconds(): number {
    return Math.floor(Date.now() / 1000);
  },

  nowEpochMilliSeconds(): number {
    return Date.now();
  },

  nowFormatted(format: unknown, timezone?: unknown): string {
    return formatMillis('util.time.nowFormatted', Date.now(), format, timezone);
  },

  parseFormattedToEpochMilliSeconds(timestamp: unknown, format: unknown, timezone?: unknown): number {
    const fn = 'util.time.parseFormattedToEpochMilliSeconds';
    const text = requireString(fn, timestamp, 'timestamp');
    const pattern = requireString(fn, format, 'format');
    return parseFormattedToEpochMillis(fn, text, pattern, resolveZone(fn, timezone));
  },

  parseISO8601ToEpochMilliSeconds(timestamp: unknown): number {
    const fn = 'util.time.parseISO8601ToEpochMilliSeconds';
    return parseIsoToEpochMillis(fn, requireString(fn, timestamp, 'timestamp'));
  },

  /** Java `long` division: truncates toward zero. */
  epochMilliSecondsToSeconds(milliseconds: unknown): number {
    // `+ 0` turns -0 (from -999 ms) into 0.
    return Math.trunc(millis('util.time.epochMilliSecondsToSeconds', milliseconds) / 1000) + 0;
  },

  epochMilliSecondsToISO8601(milliseconds: unknown): string {
    const fn = 'util.time.epochMilliSecondsToISO8601';
    return formatAt(fn, atZone(fn, millis(fn, milliseconds), UTC), ISO_8601);
  },

  epochMilliSecondsToFormatted(milliseconds: unknown, format: unknown, timezone?: unknown): string {
    const fn = 'util.time.epochMilliSecondsToFormatted';
    return formatMillis(fn, millis(fn, milliseconds), format, timezone);
  },
};
